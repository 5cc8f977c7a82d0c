package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.testing.HeadlessLogView;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Logs of pods the test makes itself, which the sandbox gives their own lines ("<namespace>/<pod> <container>
 * <message> (line N)", one every 2 s) and restarts on request (label wheelhouse.dev/simulate=restart).
 */
@Tag("cluster")
class LogsOfEveryPodTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("logs-test");
    private static ClusterSession session;

    @BeforeAll
    static void connect() throws Exception {
        session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    private static Set<String> pods(String labelSelector) {
        String names = Sandbox.kubectl("-n", NS.name(), "get", "pods", "-l", labelSelector, "-o", "jsonpath={.items[*].metadata.name}").trim();
        return names.isEmpty() ? Set.of() : Set.of(names.split(" "));
    }

    private static Set<String> podsWithLines(LogCollector collector) {
        return collector.logLines().stream().map(LogLine::pod).collect(Collectors.toSet());
    }

    @Test
    void aDeploymentsPodsInterleaveByTimeEachWithItsOwnLinesAndAScaledUpPodJoins() throws Exception {
        Sandbox.kubectl("-n", NS.name(), "create", "deployment", "web", "--image=nginx", "--replicas=2");
        Sandbox.kubectl("-n", NS.name(), "rollout", "status", "deployment/web", "--timeout=60s");
        Set<String> first = pods("app=web");
        LogCollector collector = new LogCollector();
        try (HeadlessLogView view = new HeadlessLogView(collector.alongside(session.logs()::tail),
                LogTarget.of(NS.name(), "Deployment", "web"), new LogOptions(null, true, false, 3, 0))) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(30), () -> podsWithLines(collector).equals(first)
                    && collector.logLines().size() >= 10)).as("lines %s, %s", collector.lines(), collector.detail()).isTrue();

            Sandbox.kubectl("-n", NS.name(), "scale", "deployment/web", "--replicas=3");
            Sandbox.kubectl("-n", NS.name(), "rollout", "status", "deployment/web", "--timeout=60s");
            Set<String> all = pods("app=web");
            String added = all.stream().filter(pod -> !first.contains(pod)).findFirst().orElseThrow();
            assertThat(Sandbox.eventually(Duration.ofSeconds(30), () -> podsWithLines(collector).equals(all)))
                    .as("lines %s", collector.lines()).isTrue();
            assertThat(collector.notes()).anySatisfy(note -> assertThat(note.text()).isEqualTo("pod " + added + " joined"));
            assertThat(collector.pods()).containsExactlyInAnyOrderElementsOf(all);
            // Each line is its own pod's, as the sandbox writes them, and the view lists all in time order.
            assertThat(collector.logLines()).allSatisfy(line ->
                    assertThat(line.text()).startsWith(NS.name() + "/" + line.pod() + " " + line.container() + " "));
            collector.assertEachContainersLinesInOrder();
            collector.assertListedInTimeOrder(view);
        }
    }

    /**
     * A progress bar writes carriage returns and one line feed at the end: the runtime keeps that as one line with
     * one timestamp, and the log shows it as a terminal ends up showing it, not as three lines.
     */
    @Test
    void aLineRewrittenByCarriageReturnsIsOneLineShowingItsLastPart() throws Exception {
        Sandbox.kubectl("-n", NS.name(), "run", "progress", "--image=busybox");
        Sandbox.kubectl("-n", NS.name(), "wait", "pod/progress", "--for=condition=Ready", "--timeout=60s");
        assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> {
            try {
                return Files.size(LogServiceTest.logFile(NS.name(), "progress", "progress")) > 0;
            } catch (Exception notYet) {
                return false;
            }
        })).as("the sandbox started the pod's log").isTrue();
        Instant written = Instant.now();
        Files.writeString(LogServiceTest.logFile(NS.name(), "progress", "progress"),
                written + " stdout F download 10%\rdownload 55%\rdownload 100%\r\n", StandardOpenOption.APPEND);

        LogCollector collector = new LogCollector();
        try (LogTail tail = session.logs().tail(LogTarget.pod(NS.name(), "progress"), new LogOptions("progress", true, false, 50, 0),
                collector)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> collector.logLines().stream()
                    .anyMatch(line -> line.text().equals("download 100%")))).as("lines %s", collector.lines()).isTrue();
            assertThat(collector.logLines()).filteredOn(line -> line.text().contains("download"))
                    .singleElement().satisfies(line -> assertThat(line.time()).isEqualTo(written));
        }
    }

    @Test
    void previousShowsTheEarlierInstanceOfARestartedContainerAndFollowMarksTheRestart() throws Exception {
        Sandbox.apply("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: restarts
                  namespace: %s
                  labels: {wheelhouse.dev/simulate: restart}
                spec:
                  containers: [{name: app, image: busybox}]
                """.formatted(NS.name()));
        LogCollector following = new LogCollector();
        try (LogTail follow = session.logs().tail(LogTarget.pod(NS.name(), "restarts"), LogOptions.DEFAULT, following)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(60), () -> restartCount() >= 1)).isTrue();
            // The restart is marked in the view, and the new instance's lines follow it.
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> following.notes().stream()
                    .anyMatch(note -> note.text().startsWith("container app restarted")))).as("lines %s", following.lines()).isTrue();
        }

        // The container restarts every ~20 s: compare with kubectl when no restart fell between the two reads.
        for (int attempt = 0; ; attempt++) {
            long before = restartCount();
            String kubectl = Sandbox.kubectl("-n", NS.name(), "logs", "restarts", "--previous", "--timestamps");
            LogCollector previous = new LogCollector();
            try (LogTail tail = session.logs().tail(LogTarget.pod(NS.name(), "restarts"), new LogOptions(null, false, true, -1, 0), previous)) {
                assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> previous.state() == LogState.ENDED))
                        .as("states %s, %s", previous.states(), previous.detail()).isTrue();
            }
            if (restartCount() != before && attempt < 3) {
                continue;
            }
            List<String> shown = previous.logLines().stream().map(line -> line.time() + " " + line.text()).toList();
            // kubectl prints nine fraction digits; the same instants compare equal.
            List<String> expected = kubectl.lines().filter(line -> !line.isBlank())
                    .map(line -> Instant.parse(line.substring(0, line.indexOf(' '))) + line.substring(line.indexOf(' '))).toList();
            assertThat(shown).isNotEmpty().isEqualTo(expected);
            break;
        }
    }

    private static long restartCount() {
        String count = Sandbox.kubectl("-n", NS.name(), "get", "pod", "restarts", "-o", "jsonpath={.status.containerStatuses[0].restartCount}").trim();
        return count.isEmpty() ? 0 : Long.parseLong(count);
    }
}

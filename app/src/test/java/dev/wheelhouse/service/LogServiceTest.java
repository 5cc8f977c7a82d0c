package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.testing.HeadlessLogView;
import dev.wheelhouse.testing.LiveThreads;
import dev.wheelhouse.testing.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Live logs of the sandbox's seeded pods (namespace dev, read only): the sandbox appends a line to each
 * container's log file every 2 s, and kubectl reads the same lines.
 */
@Tag("cluster")
class LogServiceTest {
    private static ClusterSession session;

    @BeforeAll
    static void connect() throws Exception {
        session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    private static String firstPod(String labelSelector) {
        return Sandbox.kubectl("-n", "dev", "get", "pods", "-l", labelSelector, "-o", "jsonpath={.items[0].metadata.name}").trim();
    }

    /**
     * The lines of the CRI log file the sandbox writes for a container: "<time> stdout F <text>", each time
     * rewritten as {@link Instant#toString} prints it, because the file pads times to microseconds and Instant
     * drops trailing zeros (".708000Z" is ".708Z").
     */
    static List<String> fileLines(String namespace, String pod, String container) throws Exception {
        return Files.readAllLines(logFile(namespace, pod, container)).stream().filter(line -> !line.isBlank())
                .map(line -> {
                    int space = line.indexOf(' ');
                    return Instant.parse(line.substring(0, space)) + line.substring(space);
                }).toList();
    }

    /** The CRI log file the sandbox writes for a container, which the API server's log request reads. */
    static Path logFile(String namespace, String pod, String container) throws Exception {
        try (var folders = Files.list(Sandbox.kubeconfig().resolveSibling("logs").resolve("pods").resolve(namespace))) {
            return folders.filter(folder -> folder.getFileName().toString().startsWith(pod + "_")).findFirst().orElseThrow()
                    .resolve(container + ".log");
        }
    }

    static String asInFile(LogLine line) {
        return line.time() + " stdout F " + line.text();
    }

    @Test
    void followShowsEachLineTheHelperWritesOnceInTheFilesOrder() throws Exception {
        String pod = firstPod("app=frontend");
        LogCollector collector = new LogCollector();
        int before = fileLines("dev", pod, "frontend").size();
        try (LogTail tail = session.logs().tail(LogTarget.pod("dev", pod), new LogOptions("frontend", true, false, 3, 0), collector)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> collector.state() == LogState.STREAMING))
                    .as("states %s, %s", collector.states(), collector.detail()).isTrue();
            // Two more lines written by the helper after the tail started must arrive.
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> {
                try {
                    return fileLines("dev", pod, "frontend").size() >= before + 2 && collector.logLines().size() >= 5;
                } catch (Exception e) {
                    return false;
                }
            })).as("lines: %s", collector.lines()).isTrue();
            List<String> file = fileLines("dev", pod, "frontend");
            List<String> shown = collector.logLines().stream().map(LogServiceTest::asInFile).toList();
            // What was shown is a contiguous run of the file, each line once, the newest ones included.
            int start = file.indexOf(shown.get(0));
            assertThat(start).as("first shown line %s in the file", shown.get(0)).isNotNegative();
            assertThat(file.subList(start, Math.min(file.size(), start + shown.size()))).isEqualTo(shown);
            assertThat(start).isEqualTo(before - 3);
            assertThat(collector.logLines()).allSatisfy(line -> {
                assertThat(line.pod()).isEqualTo(pod);
                assertThat(line.container()).isEqualTo("frontend");
            });
        }
    }

    @Test
    void aDeploymentsViewHasEveryPodsLinesInTimeOrder() throws Exception {
        Set<String> pods = Set.of(Sandbox.kubectl("-n", "dev", "get", "pods", "-l", "app=frontend",
                "-o", "jsonpath={.items[*].metadata.name}").trim().split(" "));
        assertThat(pods).hasSizeGreaterThan(1);
        LogCollector collector = new LogCollector();
        try (HeadlessLogView view = new HeadlessLogView(collector.alongside(session.logs()::tail),
                LogTarget.of("dev", "Deployment", "frontend-deployment"), new LogOptions(null, true, false, 5, 0))) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> collector.logLines().stream()
                    .map(LogLine::pod).collect(Collectors.toSet()).equals(pods) && collector.logLines().size() >= pods.size() * 6))
                    .as("lines %s, states %s, %s", collector.lines(), collector.states(), collector.detail()).isTrue();
            assertThat(collector.pods()).containsExactlyInAnyOrderElementsOf(pods);
            collector.assertEachContainersLinesInOrder();
            collector.assertListedInTimeOrder(view);
        }
    }

    @Test
    void closingATailEndsItsRequestsAndThreadsAtOnce() throws Exception {
        Set<String> threadsBefore = logThreadNames();
        int watchesBefore = session.openWatchCount();
        LogCollector collector = new LogCollector();
        LogTail tail = session.logs().tail(LogTarget.of("dev", "Deployment", "backend-deployment"), LogOptions.DEFAULT, collector);
        assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> collector.state() == LogState.STREAMING))
                    .as("states %s, %s", collector.states(), collector.detail()).isTrue();
        assertThat(session.logs().openStreamCount()).isEqualTo(2);
        assertThat(logThreadNames()).as("the tail's own threads").isNotEqualTo(threadsBefore);

        tail.close();
        assertThat(session.logs().openStreamCount()).as("requests open right after close").isZero();
        assertThat(Sandbox.eventually(Duration.ofSeconds(2), () -> threadsBefore.containsAll(logThreadNames())))
                .as("log threads still running: %s", LiveThreads.stacks("wheelhouse-log-")).isTrue();
        assertThat(session.openWatchCount()).isEqualTo(watchesBefore);
        int linesAtClose = collector.lines().size();
        Thread.sleep(2500);
        assertThat(collector.lines()).as("nothing delivered after close").hasSize(linesAtClose);
    }

    @Test
    void disconnectingEndsEveryOpenTailAndSaysWhy() throws Exception {
        Set<String> threadsBefore = logThreadNames();
        ClusterSession own = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
        LogCollector collector = new LogCollector();
        own.logs().tail(LogTarget.of("dev", "Deployment", "frontend-deployment"), LogOptions.DEFAULT, collector);
        assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> own.logs().openStreamCount() == 2
                && collector.state() == LogState.STREAMING)).as("states %s, %s", collector.states(), collector.detail()).isTrue();

        own.close();
        assertThat(own.logs().openStreamCount()).as("requests open right after the session closed").isZero();
        assertThat(collector.state()).isEqualTo(LogState.ENDED);
        assertThat(collector.detail()).isEqualTo("Context " + Sandbox.CONTEXT
                + " was disconnected; open the logs again once it is connected.");
        assertThat(Sandbox.eventually(Duration.ofSeconds(2), () -> threadsBefore.containsAll(logThreadNames())))
                .as("log threads still running: %s", LiveThreads.stacks("wheelhouse-log-")).isTrue();
        int batches = collector.batchCount();
        Thread.sleep(1000);
        assertThat(collector.batchCount()).as("nothing after the last batch").isEqualTo(batches);
    }

    @Test
    void previousOfAContainerThatNeverRestartedIsAnErrorWithTheServersReason() {
        String pod = firstPod("app=backend");
        LogCollector collector = new LogCollector();
        try (LogTail tail = session.logs().tail(LogTarget.pod("dev", pod), new LogOptions("backend", false, true, -1, 0), collector)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> collector.state() == LogState.ERROR))
                    .as("states %s", collector.states()).isTrue();
            String kubectl = Sandbox.kubectlResult("-n", "dev", "logs", pod, "-c", "backend", "--previous").output();
            // kubectl prints the server's reason after the status: the tab says the same.
            assertThat(kubectl).startsWith("Error from server");
            assertThat(collector.detail()).contains(kubectl.substring(kubectl.indexOf("): ") + 3).strip());
        }
    }

    static Set<String> logThreadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("wheelhouse-log-")).collect(Collectors.toSet());
    }
}

package dev.wheelhouse.sandbox;

import static dev.wheelhouse.testing.Sandbox.eventually;
import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sandbox is a real cluster: its nodes are Ready, its controllers turn Deployments into
 * ReplicaSets and scheduled, Running Pods, and pod logs and port-forwards work through kubectl.
 * Its pods keep the promises other tests rely on (the sandbox contract): each container's log is
 * its own, pods restart or fail when labelled so, and a forward's answer names the pod.
 */
@Tag("cluster")
class SandboxTest {
    @RegisterExtension
    static final SandboxNamespace NAMESPACE = new SandboxNamespace("sandbox-test");
    private static final String NS = NAMESPACE.name();

    @Test
    void threeSimulatedNodesAreReady() {
        String ready = kubectl("get", "nodes", "-o", "jsonpath={.items[*].status.conditions[?(@.type==\"Ready\")].status}");
        assertThat(ready.trim().split(" ")).containsExactly("True", "True", "True");
    }

    @Test
    void aDeploymentYieldsAReplicaSetAndRunningScheduledPods() {
        kubectl("-n", NS, "create", "deployment", "web", "--image=wheelhouse/web:1", "--replicas=3");

        assertThat(eventually(Duration.ofSeconds(60), () -> kubectl("-n", NS, "get", "pods", "-l", "app=web",
                "-o", "jsonpath={.items[*].status.phase}").trim().equals("Running Running Running"))).isTrue();
        assertThat(kubectl("-n", NS, "get", "replicasets", "-l", "app=web", "-o", "name")).startsWith("replicaset.apps/web-");
        String nodes = kubectl("-n", NS, "get", "pods", "-l", "app=web", "-o", "jsonpath={.items[*].spec.nodeName}");
        assertThat(nodes.trim().split(" ")).allMatch(n -> n.startsWith("node-"));
    }

    @Test
    void logsFollowNewLinesAsTheyAreWritten() throws Exception {
        String pod = firstPod("dev", "app=frontend");
        Process follow = Sandbox.startKubectl("-n", "dev", "logs", "-f", "--tail=1", pod);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8))) {
            int first = lineNumber(readLineWithin(lines, Duration.ofSeconds(20)));
            int later = lineNumber(readLineWithin(lines, Duration.ofSeconds(20)));
            // The helper appends a numbered line every two seconds; a followed log shows them as they come.
            assertThat(later).isGreaterThan(first);
            assertThat(follow.isAlive()).isTrue();
        } finally {
            follow.destroy();
        }
    }

    @Test
    void eachPodsLogLinesAreItsOwn() {
        String[] pods = kubectl("-n", "dev", "get", "pods", "-l", "app=frontend", "-o", "jsonpath={.items[*].metadata.name}")
                .trim().split(" ");
        assertThat(pods).hasSizeGreaterThanOrEqualTo(2);
        for (String pod : Arrays.copyOf(pods, 2)) {
            String[] lines = kubectl("-n", "dev", "logs", "--tail=3", "--timestamps", pod).trim().split("\n");
            assertThat(lines).hasSize(3).allSatisfy(line -> assertThat(line)
                    .matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z dev/" + Pattern.quote(pod) + " frontend .+ \\(line \\d+\\)"));
        }
    }

    @Test
    void aFastLoggingPodWritesThousandsOfLinesASecond() {
        kubectl("-n", NS, "run", "chatty", "--image=wheelhouse/chatty:1", "--labels=wheelhouse.dev/logs=fast",
                "--annotations=wheelhouse.dev/log-lines-per-second=2000");
        assertThat(eventually(Duration.ofSeconds(60), () -> podField("chatty", "{.status.phase}").equals("Running"))).isTrue();

        // At 2000 lines a second, 4000 lines come within a few seconds; at a line every 2 s they never would.
        assertThat(eventually(Duration.ofSeconds(15), () -> logLines("chatty") >= 4000)).isTrue();
    }

    @Test
    void aRestartingPodCountsRestartsAndKeepsThePreviousInstancesLog() {
        kubectl("-n", NS, "run", "flaky", "--image=wheelhouse/flaky:1", "--labels=wheelhouse.dev/simulate=restart");
        assertThat(eventually(Duration.ofSeconds(60), () -> podField("flaky", "{.status.phase}").equals("Running"))).isTrue();
        String firstContainer = podField("flaky", "{.status.containerStatuses[0].containerID}");

        // The sandbox restarts it every ~20 s.
        assertThat(eventually(Duration.ofSeconds(60), () -> !podField("flaky", "{.status.containerStatuses[0].restartCount}").equals("0")))
                .isTrue();
        assertThat(podField("flaky", "{.status.containerStatuses[0].containerID}")).isNotBlank().isNotEqualTo(firstContainer);
        assertThat(podField("flaky", "{.status.containerStatuses[0].lastState.terminated.reason}")).isNotBlank();

        // The helper starts the new instance's log a moment after the restart is recorded.
        eventually(Duration.ofSeconds(10), () -> Sandbox.kubectlResult("-n", NS, "logs", "--previous", "flaky").exitCode() == 0);
        String previous = kubectl("-n", NS, "logs", "--previous", "flaky");
        assertThat(previous).contains(NS + "/flaky flaky ").contains("(line 1)");
        String current = kubectl("-n", NS, "logs", "flaky");
        assertThat(current.lines().findFirst().orElseThrow()).endsWith("(line 1)");
        assertThat(current).isNotEqualTo(previous);
    }

    @Test
    void portForwardAnswerNamesThePodAndPort() throws Exception {
        String pod = firstPod("prod", "app=frontend");
        Process forward = Sandbox.startKubectl("-n", "prod", "port-forward", "pod/" + pod, ":80");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(forward.getInputStream(), StandardCharsets.UTF_8))) {
            String announced = readLineWithin(lines, Duration.ofSeconds(20));
            Matcher port = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(announced);
            assertThat(port.find()).as("port-forward said: %s", announced).isTrue();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("Hello from prod/" + pod + " port 80\n");
            assertThat(response.headers().firstValue("X-Wheelhouse-Pod")).contains("prod/" + pod);
        } finally {
            forward.destroy();
        }
    }

    @Test
    void theLessonsPodsShowWhatWentWrong() {
        assertThat(eventually(Duration.ofSeconds(60), () -> lessonsField("crashloop", "{.status.containerStatuses[0].state.waiting.reason}")
                .equals("CrashLoopBackOff"))).isTrue();
        assertThat(Integer.parseInt(lessonsField("crashloop", "{.status.containerStatuses[0].lastState.terminated.exitCode}"))).isNotZero();
        assertThat(Integer.parseInt(lessonsField("crashloop", "{.status.containerStatuses[0].restartCount}"))).isPositive();

        assertThat(eventually(Duration.ofSeconds(60), () -> Set.of("ErrImagePull", "ImagePullBackOff")
                .contains(lessonsField("image-pull", "{.status.containerStatuses[0].state.waiting.reason}")))).isTrue();

        assertThat(eventually(Duration.ofSeconds(60), () -> lessonsField("oom", "{.status.containerStatuses[0].lastState.terminated.reason}")
                .equals("OOMKilled"))).isTrue();
        assertThat(lessonsField("oom", "{.status.containerStatuses[0].lastState.terminated.exitCode}")).isEqualTo("137");

        assertThat(lessonsField("unschedulable", "{.status.phase}")).isEqualTo("Pending");
        assertThat(kubectl("-n", "lessons", "get", "events", "--field-selector=involvedObject.name=unschedulable",
                "-o", "jsonpath={.items[*].reason}")).contains("FailedScheduling");
    }

    @Test
    void controllersKeepWorkingAfterTheApiServerWasDownLongerThanALeaderLease() throws Exception {
        kubectl("-n", NS, "create", "deployment", "survivor", "--image=wheelhouse/web:1", "--replicas=1");
        assertThat(eventually(Duration.ofSeconds(60), () -> runningPods("app=survivor") == 1)).isTrue();

        // 12 s down: a leader-electing controller manager gives up after ~10 s and never comes back.
        Sandbox.sandboxScript("restart-apiserver", "12");
        kubectl("-n", NS, "scale", "deployment", "survivor", "--replicas=3");

        // After a restart the controller manager's caches take a while to catch up with the new API server.
        assertThat(eventually(Duration.ofSeconds(90), () -> runningPods("app=survivor") == 3))
                .as("pods: %s", kubectl("-n", NS, "get", "pods", "-l", "app=survivor")).isTrue();
        Sandbox.sandboxScript("await-controllers");
    }

    private static String podField(String pod, String jsonPath) {
        return kubectl("-n", NS, "get", "pod", pod, "-o", "jsonpath=" + jsonPath).trim();
    }

    private static String lessonsField(String pod, String jsonPath) {
        return kubectl("-n", "lessons", "get", "pod", pod, "-o", "jsonpath=" + jsonPath).trim();
    }

    private static long logLines(String pod) {
        Sandbox.Result logs = Sandbox.kubectlResult("-n", NS, "logs", pod);
        return logs.exitCode() == 0 ? logs.output().lines().count() : 0;
    }

    private static long runningPods(String selector) {
        String phases = kubectl("-n", NS, "get", "pods", "-l", selector, "-o", "jsonpath={.items[*].status.phase}");
        return Arrays.stream(phases.trim().split(" ")).filter("Running"::equals).count();
    }

    private static String firstPod(String namespace, String selector) {
        String names = kubectl("-n", namespace, "get", "pods", "-l", selector, "-o", "jsonpath={.items[*].metadata.name}");
        return Arrays.stream(names.trim().split(" ")).findFirst().orElseThrow();
    }

    private static String readLineWithin(BufferedReader reader, Duration limit) throws Exception {
        String line = CompletableFuture.supplyAsync(() -> {
            try {
                return reader.readLine();
            } catch (java.io.IOException e) {
                return null;
            }
        }).get(limit.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(line).as("kubectl printed a line").isNotNull();
        return line;
    }

    private static int lineNumber(String logLine) {
        Matcher m = Pattern.compile("\\(line (\\d+)\\)").matcher(logLine);
        assertThat(m.find()).as("a numbered sandbox log line: %s", logLine).isTrue();
        return Integer.parseInt(m.group(1));
    }
}

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
    void portForwardReachesThePod() throws Exception {
        String pod = firstPod("prod", "app=frontend");
        Process forward = Sandbox.startKubectl("-n", "prod", "port-forward", pod, ":80");
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(forward.getInputStream(), StandardCharsets.UTF_8))) {
            String announced = readLineWithin(lines, Duration.ofSeconds(20));
            Matcher port = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(announced);
            assertThat(port.find()).as("port-forward said: %s", announced).isTrue();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("Hello from the Wheelhouse sandbox");
        } finally {
            forward.destroy();
        }
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

package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Logs where a user gets things wrong or the cluster moves under them: each ends in a clear, settled state. */
@Tag("cluster")
class LogFaultsTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("log-faults-test");
    private static ClusterSession session;

    @BeforeAll
    static void connect() throws Exception {
        session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    private static void runPod(String name) throws Exception {
        Sandbox.apply("""
                apiVersion: v1
                kind: Pod
                metadata: {name: %s, namespace: %s}
                spec:
                  containers: [{name: main, image: busybox}]
                """.formatted(name, NS.name()));
        Sandbox.kubectl("-n", NS.name(), "wait", "--for=condition=Ready", "pod/" + name, "--timeout=60s");
    }

    @Test
    void aContainerThePodDoesNotHaveIsAnErrorNamingTheContainersItHas() throws Exception {
        runPod("one");
        LogCollector collector = new LogCollector();
        try (LogTail tail = session.logs().tail(LogTarget.pod(NS.name(), "one"), new LogOptions("nosuch", true, false, 10, 0), collector)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(15), () -> collector.state() == LogState.ERROR))
                    .as("states %s, %s", collector.states(), collector.detail()).isTrue();
            assertThat(collector.detail()).isEqualTo("container nosuch is not valid for pod one (its containers: main)");
        }
    }

    @Test
    void aPodDeletedWhileFollowedEndsTheLogAndStaysEnded() throws Exception {
        runPod("doomed");
        LogCollector collector = new LogCollector();
        try (LogTail tail = session.logs().tail(LogTarget.pod(NS.name(), "doomed"), new LogOptions(null, true, false, 10, 0), collector)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> collector.state() == LogState.STREAMING))
                    .as("states %s, %s", collector.states(), collector.detail()).isTrue();
            Sandbox.kubectl("-n", NS.name(), "delete", "pod", "doomed", "--grace-period=0", "--force");
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> collector.state() == LogState.ENDED))
                    .as("states %s, %s", collector.states(), collector.detail()).isTrue();
            Thread.sleep(3_000);
            assertThat(collector.state()).as("states %s, %s", collector.states(), collector.detail()).isEqualTo(LogState.ENDED);
            assertThat(collector.detail()).contains("doomed").contains("deleted");
            assertThat(tail.followerCount()).isZero();
        }
    }

    @Test
    void aMegabyteLineAndBytesThatAreNotUtf8ArriveWholeAndInPlace() throws Exception {
        runPod("odd");
        LogCollector collector = new LogCollector();
        try (LogTail tail = session.logs().tail(LogTarget.pod(NS.name(), "odd"), new LogOptions(null, true, false, 1, 0), collector)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> collector.state() == LogState.STREAMING))
                    .as("states %s, %s", collector.states(), collector.detail()).isTrue();
            java.nio.file.Path file;
            try (var folders = java.nio.file.Files.list(Sandbox.kubeconfig().resolveSibling("logs").resolve("pods").resolve(NS.name()))) {
                file = folders.filter(f -> f.getFileName().toString().startsWith("odd_")).findFirst().orElseThrow().resolve("main.log");
            }
            String big = "x".repeat(1 << 20);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            String now = java.time.Instant.now().toString();
            bytes.writeBytes((now + " stdout F " + big + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.writeBytes((now + " stdout F bin ").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            bytes.writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 'z'});
            bytes.writeBytes(" end\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            java.nio.file.Files.write(file, bytes.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
            assertThat(Sandbox.eventually(Duration.ofSeconds(20),
                    () -> collector.logLines().stream().anyMatch(l -> l.text().startsWith("bin "))))
                    .as("states %s, %s", collector.states(), collector.detail()).isTrue();
            assertThat(collector.logLines()).anyMatch(l -> l.text().equals(big));
            assertThat(collector.logLines()).filteredOn(l -> l.text().startsWith("bin ")).singleElement()
                    .satisfies(l -> assertThat(l.text()).isEqualTo("bin \uFFFD\uFFFD\u0000\u0001z end"));
            assertThat(collector.state()).isEqualTo(LogState.STREAMING);
        }
    }
}

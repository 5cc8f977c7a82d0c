package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.testing.Sandbox;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A follow survives the API server being killed and restarted: the stream reconnects from its last line and
 * the lines shown are exactly the log file's, none lost, none twice. Kills the API server of the sandbox the
 * tests run on: run it on a sandbox of your own (see the README), never on a shared one.
 */
@Tag("cluster")
class LogsApiServerRestartTest {

    @Test
    void aFollowAcrossAnApiServerRestartLosesAndDoublesNoLine() throws Exception {
        String pod = Sandbox.kubectl("-n", "dev", "get", "pods", "-l", "app=frontend", "-o", "jsonpath={.items[0].metadata.name}").trim();
        LogCollector collector = new LogCollector();
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
             LogTail tail = session.logs().tail(LogTarget.pod("dev", pod), new LogOptions("frontend", true, false, 5, 0), collector)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> collector.logLines().size() >= 6)).isTrue();
            try {
                Sandbox.sandboxScript("restart-apiserver", "10");
                int afterRestart = LogServiceTest.fileLines("dev", pod, "frontend").size();
                // Lines written while the server was down, and after, arrive once it is back.
                assertThat(Sandbox.eventually(Duration.ofSeconds(30), () -> {
                    try {
                        List<String> file = LogServiceTest.fileLines("dev", pod, "frontend");
                        return file.size() >= afterRestart + 2 && shown(collector).contains(file.get(afterRestart + 1));
                    } catch (Exception e) {
                        return false;
                    }
                })).as("states %s, %s", collector.states(), collector.detail()).isTrue();
            } finally {
                Sandbox.sandboxScript("await-controllers");
            }
            assertThat(collector.states()).contains(LogState.RECONNECTING);
            assertThat(collector.state()).isEqualTo(LogState.STREAMING);
            List<String> shown = shown(collector);
            List<String> file = LogServiceTest.fileLines("dev", pod, "frontend");
            int start = file.indexOf(shown.get(0));
            assertThat(start).isNotNegative();
            assertThat(shown).as("the file's lines from the first shown, each once, in order")
                    .isEqualTo(file.subList(start, start + shown.size()));
        }
    }

    private static List<String> shown(LogCollector collector) {
        return collector.logLines().stream().map(LogServiceTest::asInFile).toList();
    }
}

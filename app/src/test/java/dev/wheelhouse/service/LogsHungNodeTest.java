package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.testing.LiveThreads;
import dev.wheelhouse.testing.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A log request that the node never answers is cancelled the moment its tail closes. The sandbox's KWOK, every
 * node's kubelet, is frozen (SIGSTOP): the API server's connection to it is accepted by the kernel and never
 * answered, so the request waits for its headers as it would on a hung node.
 */
@Tag("cluster")
class LogsHungNodeTest {

    @Test
    void closingATailWhoseRequestTheNodeNeverAnswersEndsItAtOnce() throws Exception {
        String pod = Sandbox.kubectl("-n", "dev", "get", "pods", "-l", "app=frontend", "-o", "jsonpath={.items[0].metadata.name}").trim();
        Set<String> threadsBefore = LogServiceTest.logThreadNames();
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            LogCollector collector = new LogCollector();
            Sandbox.sandboxScript("freeze-kwok", "on");
            try {
                LogTail tail = session.logs().tail(LogTarget.pod("dev", pod), new LogOptions("frontend", true, false, 3, 0), collector);
                assertThat(Sandbox.eventually(Duration.ofSeconds(10), () -> session.logs().openStreamCount() == 1))
                        .as("the log request is sent").isTrue();
                Thread.sleep(2000);
                assertThat(collector.logLines()).as("the node answered nothing").isEmpty();
                assertThat(session.logs().openStreamCount()).as("the request still waits").isEqualTo(1);

                tail.close();
                assertThat(session.logs().openStreamCount()).as("requests open right after close").isZero();
                assertThat(Sandbox.eventually(Duration.ofSeconds(2), () -> threadsBefore.containsAll(LogServiceTest.logThreadNames())))
                        .as("log threads still running: %s", LiveThreads.stacks("wheelhouse-log-")).isTrue();
            } finally {
                Sandbox.sandboxScript("freeze-kwok", "off");
            }
        }
    }
}

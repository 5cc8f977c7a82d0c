package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.testing.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Sessions share watches between views and give back every thread when closed. */
@Tag("cluster")
class ClusterSessionTest {
    private final ClusterService clusters = new ClusterService(List.of(Sandbox.kubeconfig()));

    /**
     * Threads of the kinds a session starts: ours, the informers', OkHttp's per-client dispatchers and
     * sockets. Not "OkHttp TaskRunner": that is OkHttp's one process-wide pool, whose idle threads end
     * after 60 s. Not the UI's task pool, which other tests in the same JVM use.
     */
    private static Set<Thread> sessionThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("wheelhouse-watch") || t.getName().equals("wheelhouse-batches")
                        || t.getName().contains("informer") || t.getName().contains("reflector")
                        || (t.getName().startsWith("OkHttp") && !t.getName().equals("OkHttp TaskRunner")))
                .collect(Collectors.toSet());
    }

    private static List<String> startedSince(Set<Thread> before) {
        return sessionThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName).sorted().toList();
    }

    /** Every live thread: OkHttp's pooled threads rename themselves per task, so "before" must not filter by name. */
    private static Set<Thread> allThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    @Test
    void twoViewsOfTheSameListShareOneWatchAndALateOneStartsFromTheSnapshot() throws Exception {
        try (ClusterSession session = clusters.connect(Sandbox.CONTEXT)) {
            List<Batch> first = new CopyOnWriteArrayList<>();
            List<Batch> second = new CopyOnWriteArrayList<>();
            try (AutoCloseable a = session.watch(Pods.DESCRIPTOR.type(), "dev", first::add)) {
                assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> first.stream().anyMatch(Batch::synced))).isTrue();
                try (AutoCloseable b = session.watch(Pods.DESCRIPTOR.type(), "dev", second::add)) {
                    // The late subscriber gets everything at once, already synced, without a second list request.
                    assertThat(Sandbox.eventually(Duration.ofSeconds(5), () -> !second.isEmpty())).isTrue();
                    assertThat(second.get(0).synced()).isTrue();
                    assertThat(second.get(0).upserts()).hasSizeGreaterThanOrEqualTo(4);
                }
            }
        }
    }

    @Test
    void switchingContextsManyTimesLeavesNoThreadsBehind() throws Exception {
        // Compared by identity, so threads of other tests ending meanwhile do not matter.
        Set<Thread> before = allThreads();
        for (int i = 0; i < 5; i++) {
            try (ClusterSession session = clusters.connect(Sandbox.CONTEXT)) {
                List<Batch> seen = new CopyOnWriteArrayList<>();
                AutoCloseable namespaces = session.watch(KindRegistry.NAMESPACE.type(), null, seen::add);
                AutoCloseable pods = session.watch(Pods.DESCRIPTOR.type(), null, seen::add);
                assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> seen.stream().filter(Batch::synced).count() >= 2)).isTrue();
                namespaces.close();
                pods.close();
            }
        }
        // Informer and dispatcher threads wind down shortly after close.
        assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> startedSince(before).isEmpty()))
                .as("threads left: %s", startedSince(before)).isTrue();
    }
}

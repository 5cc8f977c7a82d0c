package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A watch comes back by itself after the API server, or etcd, was killed and started again, and shows what
 * kubectl shows within 5 s of its return.
 */
@Tag("cluster")
class ApiServerRestartTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("apiserver-restart-test");

    @Test
    void afterAKilledApiServerReturnsTheWatchEqualsKubectlWithinFiveSeconds() throws Exception {
        List<Batch> batches = new CopyOnWriteArrayList<>();
        Map<String, String> shown = new ConcurrentHashMap<>();
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            followedThroughARestart("a-", shown, sink -> session.watch(ConfigMaps.DESCRIPTOR.type(), NS.name(), batch -> {
                sink.accept(batch);
                batches.add(batch);
            }), "10");
        }
        // The outage was reported, and a whole new list after it cleared the report.
        List<Batch> seen = List.copyOf(batches);
        int lastProblem = -1;
        for (int i = 0; i < seen.size(); i++) {
            lastProblem = seen.get(i).problem() != null ? i : lastProblem;
        }
        assertThat(lastProblem).as("a batch reporting the outage").isNotNegative();
        assertThat(seen.subList(lastProblem + 1, seen.size())).anySatisfy(batch -> assertThat(batch.synced()).isTrue());
    }

    /**
     * With etcd killed the API server stays up and may keep the watch open from its cache, so nothing need fail on
     * our side; but its own watch of etcd breaks and is made again. Whatever the server does to ours meanwhile
     * (nothing, an end, a 410 Gone), the table must follow the changes made after etcd's return.
     */
    @Test
    void afterAKilledEtcdReturnsTheTableEqualsKubectlWithinFiveSeconds() throws Exception {
        Map<String, String> shown = new ConcurrentHashMap<>();
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            followedThroughARestart("e-", shown,
                    sink -> session.watchTable(ConfigMaps.DESCRIPTOR.type(), NS.name(), ListSelector.ALL, sink::accept),
                    "--etcd", "10");
        }
    }

    /**
     * Makes three ConfigMaps named with {@code prefix}, follows them with the watch {@code open} starts, restarts
     * the component ({@code restartArguments} of sandbox/restart-apiserver), changes them right after its return
     * (while the watch may still be reconnecting), and checks that the watch shows what kubectl lists within 5 s.
     */
    private static void followedThroughARestart(String prefix, Map<String, String> shown, WatchOpener open,
                                                 String... restartArguments) throws Exception {
        for (String name : List.of("kept", "deleted-after", "replaced")) {
            Sandbox.kubectl("-n", NS.name(), "create", "configmap", prefix + name);
        }
        try (AutoCloseable watch = open.open(batch -> {
            batch.deletedUids().forEach(shown::remove);
            for (KubeObject object : batch.upserts()) {
                shown.put(object.uid(), object.name());
            }
        })) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> named(prefix, shown).equals(kubectlNames(prefix))))
                    .isTrue();
            try {
                Sandbox.sandboxScript("restart-apiserver", restartArguments);
                long returned = System.nanoTime();
                Sandbox.kubectl("-n", NS.name(), "delete", "configmap", prefix + "deleted-after", prefix + "replaced");
                Sandbox.kubectl("-n", NS.name(), "create", "configmap", prefix + "replaced");
                Sandbox.kubectl("-n", NS.name(), "create", "configmap", prefix + "created-after");
                Set<String> expected = kubectlNames(prefix);
                assertThat(expected).containsExactlyInAnyOrder(prefix + "kept", prefix + "replaced", prefix + "created-after");

                Duration left = Duration.ofSeconds(5).minusNanos(System.nanoTime() - returned);
                // Equal names, and one row per name: no ghost of a deleted object beside its successor.
                assertThat(Sandbox.eventually(left, () -> named(prefix, shown).equals(expected)
                        && shown.values().stream().filter(n -> n.startsWith(prefix)).count() == expected.size()))
                        .as("shown %s, kubectl %s", shown.values(), expected).isTrue();
            } finally {
                // The controller manager's own watches come back later than ours; later tests need it.
                Sandbox.sandboxScript("await-controllers");
            }
        }
    }

    /** The test's own ConfigMaps as kubectl lists them (the namespace's kube-root-ca.crt left out). */
    private static Set<String> kubectlNames(String prefix) {
        String names = Sandbox.kubectl("-n", NS.name(), "get", "configmaps", "-o", "jsonpath={.items[*].metadata.name}").trim();
        return Stream.of(names.split(" ")).filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
    }

    private static Set<String> named(String prefix, Map<String, String> shown) {
        return shown.values().stream().filter(n -> n.startsWith(prefix)).collect(Collectors.toSet());
    }

    @FunctionalInterface
    private interface WatchOpener {
        AutoCloseable open(Consumer<Batch> sink);
    }
}

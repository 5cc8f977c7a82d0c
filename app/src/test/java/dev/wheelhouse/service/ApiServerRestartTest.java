package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A watch comes back by itself after the API server was killed, and shows what kubectl shows. */
@Tag("cluster")
class ApiServerRestartTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("apiserver-restart-test");

    private static Set<String> kubectlNames() {
        String names = Sandbox.kubectl("-n", NS.name(), "get", "configmaps", "-o", "jsonpath={.items[*].metadata.name}").trim();
        return names.isEmpty() ? Set.of() : Set.of(names.split(" "));
    }

    @Test
    void afterAKilledApiServerReturnsTheWatchEqualsKubectlWithinFiveSeconds() throws Exception {
        for (String name : List.of("kept", "deleted-after", "replaced")) {
            Sandbox.kubectl("-n", NS.name(), "create", "configmap", name);
        }
        Map<String, String> shown = new ConcurrentHashMap<>();
        List<Batch> batches = new CopyOnWriteArrayList<>();
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
             AutoCloseable watch = session.watch(ConfigMaps.DESCRIPTOR.type(), NS.name(), batch -> {
                 batch.deletedUids().forEach(shown::remove);
                 for (KubeObject object : batch.upserts()) {
                     shown.put(object.uid(), object.name());
                 }
                 batches.add(batch);
             })) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> Set.copyOf(shown.values()).equals(kubectlNames())))
                    .isTrue();

            try {
                Sandbox.sandboxScript("restart-apiserver", "10");
                // Changes right after its return, while the watch may still be reconnecting.
                long returned = System.nanoTime();
                Sandbox.kubectl("-n", NS.name(), "delete", "configmap", "deleted-after", "replaced");
                Sandbox.kubectl("-n", NS.name(), "create", "configmap", "replaced");
                Sandbox.kubectl("-n", NS.name(), "create", "configmap", "created-after");
                Set<String> expected = kubectlNames();
                assertThat(expected).containsExactlyInAnyOrder("kept", "replaced", "created-after", "kube-root-ca.crt");

                Duration left = Duration.ofSeconds(5).minusNanos(System.nanoTime() - returned);
                assertThat(Sandbox.eventually(left, () -> Set.copyOf(shown.values()).equals(expected)
                        && shown.size() == expected.size()))
                        .as("shown %s, kubectl %s", shown.values(), expected).isTrue();
                // The outage was reported, and a whole new list after it cleared the report.
                List<Batch> seen = List.copyOf(batches);
                int lastProblem = -1;
                for (int i = 0; i < seen.size(); i++) {
                    lastProblem = seen.get(i).problem() != null ? i : lastProblem;
                }
                assertThat(lastProblem).as("a batch reporting the outage").isNotNegative();
                assertThat(seen.subList(lastProblem + 1, seen.size())).anySatisfy(batch -> assertThat(batch.synced()).isTrue());
            } finally {
                // The controller manager's own watches come back later than ours; later tests need it.
                Sandbox.sandboxScript("await-controllers");
            }
        }
    }
}

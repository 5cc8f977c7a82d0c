package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * etcd killed under a live table: the API server stays up and keeps the watch open from its cache, so nothing
 * need fail on our side, but its own watch of etcd breaks and is made again. Whatever the server does to our
 * watch meanwhile (nothing, an end, a 410 Gone), the table must follow the changes made after etcd's return.
 */
@Tag("cluster")
class EtcdRestartTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("etcd-restart-test");

    private static Set<String> kubectlNames() {
        String names = Sandbox.kubectl("-n", NS.name(), "get", "configmaps", "-o", "jsonpath={.items[*].metadata.name}").trim();
        return names.isEmpty() ? Set.of() : Set.of(names.split(" "));
    }

    @Test
    void afterAKilledEtcdReturnsTheTableEqualsKubectlWithinFiveSeconds() throws Exception {
        for (String name : List.of("kept", "deleted-after", "replaced")) {
            Sandbox.kubectl("-n", NS.name(), "create", "configmap", name);
        }
        Map<String, String> shown = new ConcurrentHashMap<>();
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
             AutoCloseable table = session.watchTable(ConfigMaps.DESCRIPTOR.type(), NS.name(), ListSelector.ALL, batch -> {
                 batch.deletedUids().forEach(shown::remove);
                 for (KubeObject row : batch.upserts()) {
                     shown.put(row.uid(), row.name());
                 }
             })) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> Set.copyOf(shown.values()).equals(kubectlNames())))
                    .isTrue();

            try {
                Sandbox.sandboxScript("restart-apiserver", "--etcd", "10");
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
            } finally {
                Sandbox.sandboxScript("await-controllers");
            }
        }
    }
}

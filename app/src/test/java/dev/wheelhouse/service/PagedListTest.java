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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A list longer than the first page (100 rows) and than a later one (500) arrives whole, each row once. */
@Tag("cluster")
class PagedListTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("paged-list-test");
    private static final int CONFIG_MAPS = 640;

    @Test
    void aListOfSeveralPagesArrivesWholeBeforeItIsSynced() throws Exception {
        String manifests = IntStream.range(0, CONFIG_MAPS).mapToObj(i -> """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: page-%03d
                  namespace: %s
                """.formatted(i, NS.name())).collect(Collectors.joining("---\n"));
        Sandbox.apply(manifests);
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            List<Batch> batches = new CopyOnWriteArrayList<>();
            try (AutoCloseable watch = session.watchTable(ConfigMaps.DESCRIPTOR.type(), NS.name(), ListSelector.ALL, batches::add)) {
                assertThat(Sandbox.eventually(Duration.ofSeconds(30), () -> batches.stream().anyMatch(Batch::synced))).isTrue();
                Set<String> names = ConcurrentHashMap.newKeySet();
                int rows = 0;
                for (Batch batch : batches) {
                    for (KubeObject object : batch.upserts()) {
                        names.add(object.name());
                        rows++;
                    }
                }
                // The namespace's own kube-root-ca.crt besides ours.
                assertThat(names).hasSize(CONFIG_MAPS + 1).contains("page-000", "page-099", "page-100", "page-599", "page-639");
                assertThat(rows).isEqualTo(CONFIG_MAPS + 1);
                assertThat(batches.size()).as("pages handed on one by one").isGreaterThanOrEqualTo(3);
            }
        }
    }
}

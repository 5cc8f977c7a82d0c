package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.ResourceType;
import dev.wheelhouse.testing.ApiServerMetrics;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Shared watches under concurrent subscribers: none leaks, and none shows an object that is gone. */
@Tag("cluster")
class SharedWatchRacesTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("shared-watch-test");
    /** A resource only this test watches, so the API server's gauge of open watches on it is ours alone. */
    private static final ResourceType PROBES =
            new ResourceType("watchtest.wheelhouse.dev", "v1", "probes", "Probe", true);
    private static final Map<String, String> PROBE_WATCHES =
            Map.of("group", PROBES.group(), "resource", PROBES.plural(), "verb", "WATCH");
    private final ClusterService clusters = new ClusterService(List.of(Sandbox.kubeconfig()));

    @BeforeAll
    static void probeDefinition() throws Exception {
        Sandbox.defineCustomResource(PROBES.group(), PROBES.plural(), PROBES.kind());
        // kube-controller-manager (garbage collector, quota) starts its own cluster-wide watch of a new kind on its
        // next discovery, 10-30 s later: counted before it and after, it would look like a watch this test leaked.
        Map<String, String> clusterWide = new HashMap<>(PROBE_WATCHES);
        clusterWide.put("scope", "cluster");
        assertThat(Sandbox.eventually(Duration.ofSeconds(90),
                () -> ApiServerMetrics.sum("apiserver_longrunning_requests", clusterWide) >= 1))
                .as("kube-controller-manager watches the new kind").isTrue();
    }

    @AfterAll
    static void removeDefinition() {
        Sandbox.kubectlResult("delete", "crd", "probes.watchtest.wheelhouse.dev", "--wait=false");
    }

    private static double openProbeWatches() {
        return ApiServerMetrics.sum("apiserver_longrunning_requests", PROBE_WATCHES);
    }

    @Test
    void subscribeAndUnsubscribeStormsFromManyThreadsLeaveNoWatchOpen() throws Exception {
        double serverBefore = openProbeWatches();
        List<ListSelector> selectors = List.of(ListSelector.ALL, ListSelector.labels("tier=a"),
                ListSelector.labels("tier=b"), ListSelector.fields("metadata.name=one"));
        try (ClusterSession session = clusters.connect(Sandbox.CONTEXT)) {
            int sessionBefore = session.openWatchCount();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            List<Future<?>> storms = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                storms.add(threads.submit(() -> {
                    List<AutoCloseable> held = new ArrayList<>();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < 300; i++) {
                        String namespace = random.nextBoolean() ? NS.name() : null;
                        ListSelector selector = selectors.get(random.nextInt(selectors.size()));
                        held.add(session.watch(PROBES, namespace, selector, batch -> { }));
                        if (random.nextInt(3) > 0 && !held.isEmpty()) {
                            held.remove(random.nextInt(held.size())).close();
                        }
                        if (i % 50 == 0) {
                            Thread.sleep(random.nextInt(200));
                        }
                    }
                    for (AutoCloseable handle : held) {
                        handle.close();
                    }
                    return null;
                }));
            }
            // While the storms run, the server sees our watches (so the gauge below measures them).
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> openProbeWatches() > serverBefore)).isTrue();
            for (Future<?> storm : storms) {
                storm.get();
            }
            threads.shutdown();

            assertThat(session.openWatchCount()).isEqualTo(sessionBefore);
            assertThat(Sandbox.eventually(Duration.ofSeconds(15), () -> openProbeWatches() == serverBefore))
                    .as("watches open on the server: %s, before: %s", openProbeWatches(), serverBefore).isTrue();
        }
    }

    /** What one subscriber shows: its batches applied in the order they arrived. */
    private static final class Shown {
        final Map<String, String> namesByUid = new ConcurrentHashMap<>();

        void apply(Batch batch) {
            batch.deletedUids().forEach(namesByUid::remove);
            for (KubeObject object : batch.upserts()) {
                namesByUid.put(object.uid(), object.name());
            }
        }

        Set<String> names() {
            return Set.copyOf(namesByUid.values());
        }
    }

    @Test
    void subscribersJoiningWhileAnObjectIsDeletedNeverKeepIt() throws Exception {
        try (ClusterSession session = clusters.connect(Sandbox.CONTEXT)) {
            Shown first = new Shown();
            List<Batch> firstBatches = new CopyOnWriteArrayList<>();
            try (AutoCloseable watch = session.watch(ConfigMaps.DESCRIPTOR.type(), NS.name(), batch -> {
                first.apply(batch);
                firstBatches.add(batch);
            })) {
                assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> firstBatches.stream().anyMatch(Batch::synced))).isTrue();
                for (int round = 0; round < 4; round++) {
                    String name = "doomed-" + round;
                    Sandbox.kubectl("-n", NS.name(), "create", "configmap", name);
                    assertThat(Sandbox.eventually(Duration.ofSeconds(10), () -> first.names().contains(name))).isTrue();

                    List<Shown> late = new CopyOnWriteArrayList<>();
                    List<AutoCloseable> handles = new CopyOnWriteArrayList<>();
                    ExecutorService joiner = Executors.newSingleThreadExecutor();
                    Future<?> joining = joiner.submit(() -> {
                        // Joins before, during and after the deletion reaches the shared watch.
                        while (first.names().contains(name) || late.size() < 50) {
                            Shown shown = new Shown();
                            late.add(shown);
                            handles.add(session.watch(ConfigMaps.DESCRIPTOR.type(), NS.name(), shown::apply));
                            Thread.sleep(1);
                        }
                        return null;
                    });
                    Sandbox.kubectl("-n", NS.name(), "delete", "configmap", name, "--wait=false");
                    joining.get();
                    joiner.shutdown();

                    assertThat(Sandbox.eventually(Duration.ofSeconds(5),
                            () -> late.stream().allMatch(shown -> shown.names().equals(first.names()))))
                            .as("round %d: late subscribers showing %s: %d of %d", round, name,
                                    late.stream().filter(s -> s.names().contains(name)).count(), late.size())
                            .isTrue();
                    for (AutoCloseable handle : handles) {
                        handle.close();
                    }
                }
            }
        }
    }
}

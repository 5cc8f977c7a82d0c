package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.testing.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("cluster")
class ClusterConnectionTest {
    private ClusterConnection connection;

    @BeforeEach
    void connect() throws Exception {
        connection = ClusterConnection.open(MergedKubeconfig.load(List.of(Sandbox.kubeconfig())), Sandbox.CONTEXT);
    }

    @AfterEach
    void close() {
        connection.close();
    }

    @Test
    void readsTheServerVersion() throws Exception {
        assertThat(connection.serverVersion()).matches("v1\\.\\d+\\.\\d+");
    }

    @Test
    void aWatchDeliversTheListThenLiveChanges() {
        Map<String, KubeObject> seen = new ConcurrentHashMap<>();
        List<Problem> problems = new CopyOnWriteArrayList<>();
        AtomicBoolean synced = new AtomicBoolean();
        String name = "watch-test-" + System.nanoTime();

        try (ResourceWatch watch = connection.watch(KindRegistry.NAMESPACE.type(), null, ListSelector.ALL, new WatchListener() {
            public void upserted(KubeObject object) {
                seen.put(object.name(), object);
            }

            public void deleted(String uid) {
                seen.values().removeIf(o -> o.uid().equals(uid));
            }

            public void synced() {
                synced.set(true);
            }

            public void failed(Problem problem) {
                problems.add(problem);
            }
        })) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), synced::get)).as("synced; problems: %s", problems).isTrue();
            assertThat(seen).containsKeys("dev", "prod");
            assertThat(seen.get("dev").path("metadata.managedFields")).isEmpty();

            Sandbox.kubectl("create", "namespace", name);
            assertThat(Sandbox.eventually(Duration.ofSeconds(10), () -> seen.containsKey(name))).isTrue();
            Sandbox.kubectl("delete", "namespace", name, "--wait=false");
            assertThat(Sandbox.eventually(Duration.ofSeconds(30),
                    () -> !seen.containsKey(name) || "Terminating".equals(seen.get(name).string("status.phase")))).isTrue();
            assertThat(problems).isEmpty();
        } finally {
            Sandbox.kubectlResult("delete", "namespace", name, "--ignore-not-found", "--wait=false");
        }
    }
}

package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.testing.Sandbox;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
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
        Set<String> namesWhenSynced = ConcurrentHashMap.newKeySet();
        String name = "watch-test-" + System.nanoTime();

        try (ResourceWatch watch = connection.watch(KindRegistry.NAMESPACE.type(), null, ListSelector.ALL, new WatchListener() {
            public void upserted(KubeObject object) {
                seen.put(object.name(), object);
            }

            public void deleted(String uid) {
                seen.values().removeIf(o -> o.uid().equals(uid));
            }

            public void synced() {
                namesWhenSynced.addAll(seen.keySet());
                synced.set(true);
            }

            public void failed(Problem problem) {
                problems.add(problem);
            }
        })) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), synced::get)).as("synced; problems: %s", problems).isTrue();
            assertThat(seen).containsKeys("dev", "prod");
            // Everything listed had reached the listener when it heard "synced".
            assertThat(namesWhenSynced).containsAll(
                    List.of(Sandbox.kubectl("get", "namespaces", "-o", "jsonpath={.items[*].metadata.name}").split(" ")));
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

    /** Collects what one watch says, like a view would. */
    private static final class Recorder implements WatchListener {
        final Map<String, String> namesByUid = new ConcurrentHashMap<>();
        final List<Problem> problems = new CopyOnWriteArrayList<>();
        final AtomicInteger lists = new AtomicInteger();
        volatile CountDownLatch holdOnFailure = new CountDownLatch(0);

        public void upserted(KubeObject object) {
            namesByUid.put(object.uid(), object.name());
        }

        public void deleted(String uid) {
            namesByUid.remove(uid);
        }

        public void synced() {
            lists.incrementAndGet();
        }

        public void failed(Problem problem) {
            problems.add(problem);
            try {
                holdOnFailure.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean shows(String name) {
            return namesByUid.containsValue(name);
        }
    }

    @Test
    void objectsDeletedWhileTheConnectionWasDownDisappearWithTheNextList() throws Exception {
        String namespace = "relist-test";
        Sandbox.kubectlResult("delete", "namespace", namespace, "--ignore-not-found", "--wait=true", "--timeout=120s");
        Sandbox.kubectl("create", "namespace", namespace);
        Sandbox.kubectl("-n", namespace, "create", "configmap", "doomed");
        Sandbox.kubectl("-n", namespace, "create", "configmap", "survivor");
        Recorder recorder = new Recorder();
        try (ResourceWatch watch = connection.watch(ConfigMaps.DESCRIPTOR.type(), namespace, ListSelector.ALL, recorder)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> recorder.lists.get() == 1)).isTrue();
            assertThat(recorder.shows("doomed")).isTrue();

            // The connection breaks; while the watch waits to reconnect, one object goes and another comes.
            CountDownLatch disconnected = new CountDownLatch(1);
            recorder.holdOnFailure = disconnected;
            watch.breakConnection();
            assertThat(Sandbox.eventually(Duration.ofSeconds(10), () -> !recorder.problems.isEmpty())).isTrue();
            Sandbox.kubectl("-n", namespace, "delete", "configmap", "doomed");
            Sandbox.kubectl("-n", namespace, "create", "configmap", "newcomer");
            assertThat(recorder.shows("doomed")).isTrue();
            disconnected.countDown();

            assertThat(Sandbox.eventually(Duration.ofSeconds(10), () -> recorder.lists.get() == 2)).isTrue();
            assertThat(recorder.namesByUid.values()).contains("survivor", "newcomer").doesNotContain("doomed");
        } finally {
            Sandbox.kubectlResult("delete", "namespace", namespace, "--wait=false");
        }
    }

    /**
     * Watches closed at every moment of their calls, even while a request's headers are being written (where
     * OkHttp 5 loses a cancelled call: see {@link Cancelling}), leave no connection held by a call.
     */
    @Test
    void watchesClosedAtAnyMomentLeaveNoConnectionHeld() throws Exception {
        WatchListener quiet = new WatchListener() {
            public void upserted(KubeObject object) {
            }

            public void deleted(String uid) {
            }

            public void synced() {
            }

            public void failed(Problem problem) {
            }
        };
        Random random = new Random(11);
        // Most closes within the first milliseconds, where the request is being sent.
        for (int i = 0; i < 1000; i++) {
            ResourceWatch watch = connection.watchTable(ConfigMaps.DESCRIPTOR.type(), "dev", ListSelector.ALL, quiet);
            LockSupport.parkNanos(random.nextInt(i % 10 == 0 ? 30_000_000 : 3_000_000));
            watch.close();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (connection.connectionsInUse() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(connection.connectionsInUse()).as("connections still held by a call").isZero();
    }
}

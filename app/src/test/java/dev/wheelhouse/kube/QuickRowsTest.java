package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A long list shows its rows before their metadata (QuickRows): 160 ConfigMaps, with quick rows from 20 past
 * the first page (the app's threshold is 2,000, which would take a test minutes to create).
 */
@Tag("cluster")
class QuickRowsTest {
    private static final int CONFIG_MAPS = 160;

    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("a-quick-rows");

    @BeforeAll
    static void fill() throws Exception {
        StringBuilder yaml = new StringBuilder("apiVersion: v1\nkind: List\nitems:\n");
        for (int i = 0; i < CONFIG_MAPS; i++) {
            yaml.append("- {apiVersion: v1, kind: ConfigMap, metadata: {name: cm-").append(String.format("%03d", i))
                    .append(", namespace: ").append(NS.name()).append("}, data: {")
                    .append("k: v").append(i % 3 == 0 ? ", other: x" : "").append("}}\n");
        }
        Sandbox.apply(yaml.toString());
        System.setProperty("wheelhouse.quickRowsFrom", "20");
    }

    @AfterAll
    static void restore() {
        System.clearProperty("wheelhouse.quickRowsFrom");
    }

    @Test
    void aLongNamespaceShowsEveryRowAtOnceAndEachRealRowReplacesItsStandIn() throws Exception {
        Events events = watchUntilSynced(NS.name());
        events.assertReplacedOneByOne(configMapsNow());
    }

    @Test
    void allNamespacesAskOneTableANamespaceAndPutEachRowInItsNamespace() throws Exception {
        Events events = watchUntilSynced(null);
        // Other tests' namespaces come and go meanwhile: the exact checks are on this test's namespace, which sorts
        // first (the server lists by namespace, then name), so that others' rows are quick ones.
        events.assertReplacedOneByOne(configMapsNow());
        assertThat(events.quickRows.keySet().stream().map(name -> name.substring(0, name.indexOf('/'))).distinct())
                .as("quick rows of namespaces after this one").hasSizeGreaterThan(1);
    }

    /** This test's ConfigMaps, as kubectl lists them: "namespace/name". */
    private static Set<String> configMapsNow() {
        return names(Sandbox.kubectl("-n", NS.name(), "get", "configmaps", "-o",
                "jsonpath={range .items[*]}{.metadata.namespace}/{.metadata.name} {end}"));
    }

    private static Set<String> names(String spaced) {
        return Arrays.stream(spaced.trim().split(" ")).collect(Collectors.toSet());
    }

    private static Events watchUntilSynced(String namespace) throws Exception {
        Events events = new Events();
        try (ClusterConnection connection = ClusterConnection.open(MergedKubeconfig.load(List.of(Sandbox.kubeconfig())), Sandbox.CONTEXT);
             ResourceWatch watch = connection.watchTable(ConfigMaps.DESCRIPTOR.type(), namespace, ListSelector.ALL, events)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(30), events::isSynced)).as("problems %s", events.problems).isTrue();
        }
        return events;
    }

    /** The listener's calls in order, and what it holds. */
    private static final class Events implements WatchListener {
        final List<String> order = new ArrayList<>();
        final Map<String, KubeObject> held = new LinkedHashMap<>();
        final Map<String, KubeObject> quickRows = new HashMap<>();
        final List<Problem> problems = new ArrayList<>();
        private boolean synced;

        @Override
        public synchronized void upserted(KubeObject object) {
            order.add((object.isStandIn() ? "stand-in " : "up ") + object.uid() + " " + object.namespace() + "/" + object.name());
            held.put(object.uid(), object);
            if (object.isStandIn()) {
                quickRows.put(object.namespace() + "/" + object.name(), object);
            }
        }

        @Override
        public synchronized void deleted(String uid) {
            order.add("del " + uid);
            held.remove(uid);
        }

        @Override
        public synchronized void synced() {
            synced = true;
        }

        @Override
        public synchronized void failed(Problem problem) {
            problems.add(problem);
        }

        synchronized boolean isSynced() {
            return synced;
        }

        /** {@code kubectl}: the objects of this test's namespace, all of which the list must show in the end. */
        synchronized void assertReplacedOneByOne(Set<String> kubectl) {
            String ours = NS.name() + "/";
            Set<String> firstPage = new HashSet<>();
            for (String event : order) {
                if (event.startsWith("stand-in ")) {
                    break;
                }
                firstPage.add(event.substring(event.lastIndexOf(' ') + 1));
            }
            assertThat(firstPage).hasSize(ListWatchRequests.FIRST_PAGE_SIZE);
            Set<String> beyondFirstPage = new HashSet<>(kubectl);
            beyondFirstPage.removeAll(firstPage);
            assertThat(beyondFirstPage).isNotEmpty();
            assertThat(quickRows.keySet().stream().filter(name -> name.startsWith(ours)).collect(Collectors.toSet()))
                    .as("a quick row for each object the first page did not bring").isEqualTo(beyondFirstPage);
            assertThat(held.values()).as("at the end, only real rows").noneMatch(KubeObject::isStandIn);
            assertThat(held.values().stream().map(o -> o.namespace() + "/" + o.name()).filter(name -> name.startsWith(ours))
                    .collect(Collectors.toSet())).isEqualTo(kubectl);
            int lastQuick = -1;
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).startsWith("stand-in ")) {
                    lastQuick = i;
                }
            }
            for (KubeObject real : held.values()) {
                String name = real.namespace() + "/" + real.name();
                KubeObject quick = quickRows.get(name);
                if (quick == null) {
                    continue;
                }
                assertThat(quick.uid()).isEqualTo(KubeObject.standInUid(real.namespace(), real.name()));
                int deleted = order.indexOf("del " + quick.uid());
                int replaced = order.indexOf("up " + real.uid() + " " + name);
                assertThat(replaced).as("%s: every quick row came before the second page", name).isGreaterThan(lastQuick);
                assertThat(deleted).as("%s: its stand-in goes just before the real row", name).isEqualTo(replaced - 1);
                assertThat(order.lastIndexOf("del " + quick.uid())).as("deleted once").isEqualTo(deleted);
                // The cells the server prints, without the age, which ticks.
                assertThat(quick.cells().values().subList(0, 2)).isEqualTo(real.cells().values().subList(0, 2));
            }
        }
    }
}

package dev.wheelhouse.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.builtin.Secrets;
import dev.wheelhouse.model.PrintedColumn;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in kind's table, as the app's table model holds it, equals what {@code kubectl get KIND -o wide}
 * prints at the same time on the sandbox: the same columns (kubectl's NAME aside, which the app shows first) and
 * the same cells, row by row. Times that tick (Age, Last Seen, Duration) may differ by a little.
 * The sandbox holds one object of each namespaced kind in {@code dev}; cluster-wide kinds are listed whole.
 */
@Tag("cluster")
class KubectlTablesTest {
    private static final String NAMESPACE = "dev";
    private static final ClusterService CLUSTERS = new ClusterService(List.of(Sandbox.kubeconfig()));
    private static ClusterSession session;
    private static final ExecutorService UI = Executors.newSingleThreadExecutor();

    @BeforeAll
    static void connect() throws Exception {
        session = CLUSTERS.connect(Sandbox.CONTEXT);
    }

    @AfterAll
    static void close() {
        session.close();
        UI.shutdownNow();
    }

    static Stream<KindDescriptor> builtInKinds() {
        return new KindRegistry().builtIn().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("builtInKinds")
    void theTableIsWhatKubectlPrints(KindDescriptor kind) throws Exception {
        ResourceTableViewModel table = shown(kind);
        try {
            String[] differences = {""};
            boolean same = Sandbox.eventually(Duration.ofSeconds(30), () -> {
                differences[0] = differences(kind, table);
                return differences[0].isEmpty();
            });
            assertThat(same).as("%s differs from kubectl:%n%s", kind.title(), differences[0]).isTrue();
        } finally {
            onUi(() -> {
                table.deactivate();
                table.clear();
                return null;
            });
        }
    }

    @Test
    void theSecretsTableNeverHoldsAValue() throws Exception {
        String encoded = Sandbox.kubectl("get", "secret", "mysecrets", "-n", NAMESPACE, "-o", "jsonpath={.data.DB_PASSWORD}").trim();
        String value = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        assertThat(value).isNotBlank();
        ResourceTableViewModel table = shown(Secrets.DESCRIPTOR);
        try {
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), () -> onUi(() -> table.rows().stream()
                    .anyMatch(r -> r.name().equals("mysecrets"))))).isTrue();
            List<ResourceRow> rows = onUi(() -> List.copyOf(table.rows()));
            for (ResourceRow row : rows) {
                assertThat(row.object().path("data")).as("data of %s", row.name()).isEmpty();
                assertThat(row.object().path("stringData")).isEmpty();
                // The object as held, every field of it: kubectl apply's annotation would repeat the data.
                String held = row.object().map("metadata") + " " + row.cells();
                assertThat(held).doesNotContain(encoded).doesNotContain(value);
            }
            assertThat(onUi(() -> table.columnsProperty().get()).stream().map(PrintedColumn::name)).contains("Type", "Data");
        } finally {
            onUi(() -> {
                table.deactivate();
                table.clear();
                return null;
            });
        }
    }

    private static ResourceTableViewModel shown(KindDescriptor kind) throws Exception {
        ResourceTableViewModel table = new ResourceTableViewModel(new BackgroundTasks(ForkJoinPool.commonPool(), UI));
        onUi(() -> {
            table.show(session, kind, kind.type().namespaced() ? NAMESPACE : null);
            table.activate();
            return null;
        });
        return table;
    }

    /** What differs between the table model and kubectl's output now, in words; "" if nothing. */
    private static String differences(KindDescriptor kind, ResourceTableViewModel table) {
        List<String> args = new ArrayList<>(List.of("get", kind.type().qualifiedPlural(), "-o", "wide"));
        if (kind.type().namespaced()) {
            args.addAll(List.of("-n", NAMESPACE));
        }
        List<Map<String, String>> printed = parse(Sandbox.kubectl(args.toArray(String[]::new)));
        Snapshot shown = onUi(() -> new Snapshot(table.stateProperty().get(), table.columnsProperty().get(), List.copyOf(table.rows())));
        if (shown.state() != ResourceTableViewModel.LoadState.READY) {
            return "table is " + shown.state();
        }
        if (printed.isEmpty()) {
            return "kubectl printed no " + kind.title() + " (the sandbox should hold one)";
        }
        List<String> kubectlHeaders = printed.get(0).keySet().stream().filter(h -> !h.equals("NAME")).toList();
        List<String> titles = shown.columns().stream().map(c -> c.name().toUpperCase(Locale.ROOT)).toList();
        if (!titles.equals(kubectlHeaders)) {
            return "columns " + titles + " but kubectl " + kubectlHeaders;
        }
        StringBuilder out = new StringBuilder();
        Map<String, ResourceRow> byName = new LinkedHashMap<>();
        shown.rows().forEach(r -> byName.put(r.name(), r));
        if (byName.size() != printed.size()) {
            out.append("rows ").append(byName.keySet()).append(" but kubectl printed ").append(printed.size()).append('\n');
        }
        for (Map<String, String> line : printed) {
            ResourceRow row = byName.get(line.get("NAME"));
            if (row == null) {
                out.append("no row ").append(line.get("NAME")).append('\n');
                continue;
            }
            for (int i = 0; i < titles.size(); i++) {
                String mine = i < row.cells().size() ? row.cells().get(i) : "";
                String theirs = line.get(titles.get(i));
                if (!sameCell(mine, theirs)) {
                    out.append(row.name()).append(' ').append(titles.get(i)).append(": '").append(mine)
                            .append("' but kubectl '").append(theirs).append("'\n");
                }
            }
        }
        return out.toString();
    }

    private record Snapshot(ResourceTableViewModel.LoadState state, List<PrintedColumn> columns, List<ResourceRow> rows) {
    }

    /** Equal, or both durations within a little of each other (they tick between the two reads). */
    static boolean sameCell(String mine, String theirs) {
        if (mine.equals(theirs)) {
            return true;
        }
        long a = CellOrder.seconds(mine);
        long b = CellOrder.seconds(theirs);
        return a >= 0 && b >= 0 && Math.abs(a - b) <= Math.max(90, Math.max(a, b) / 20);
    }

    /**
     * kubectl's fixed-width output as one map per line, header → cell. Each column starts where its header
     * does; headers are separated by at least two spaces (one space belongs to a header, as in LAST SEEN).
     */
    static List<Map<String, String>> parse(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || lines.get(0).startsWith("No resources found")) {
            return List.of();
        }
        Matcher header = Pattern.compile("\\S+(?: \\S+)*").matcher(lines.get(0));
        List<String> names = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        while (header.find()) {
            names.add(header.group());
            starts.add(header.start());
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                int from = Math.min(starts.get(i), line.length());
                int to = i + 1 < starts.size() ? Math.min(starts.get(i + 1), line.length()) : line.length();
                row.put(names.get(i), line.substring(from, to).trim());
            }
            rows.add(row);
        }
        return rows;
    }

    private static <T> T onUi(Callable<T> read) {
        try {
            return UI.submit(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

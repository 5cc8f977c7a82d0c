package dev.wheelhouse.bench;

import static dev.wheelhouse.bench.FxHarness.onFx;
import static dev.wheelhouse.bench.FxHarness.waitFor;

import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.app.MainViewModel;
import dev.wheelhouse.ui.app.WheelhouseApp;
import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.table.ResourceRow;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Measures the All namespaces → Pods table on a big cluster with the real window (headless, software
 * rendering), through the window's public model only, so it measures any table implementation:
 * connect (cold JVM and warm, reported apart), then from {@code showKind} — the moment the list
 * request goes out on an established connection — to the first pulse that lays out a row with a pod
 * in it ("first rows painted"; rendering follows in the same pulse) and to the first pulse with every
 * pod in the table ("full table"); RSS when complete, after idling and after GC; sort, filter and scroll; and the FX thread's
 * longest frame gap while pods are updated at a steady rate. Prints numbers; asserts nothing.
 * Run by sandbox/bench. Arguments: KUBECONFIG CONTEXT EXPECTED_PODS ROUNDS UPDATES_PER_SECOND
 */
public final class PodsTableBench {
    private static final int FULL_TABLE_TIMEOUT_SECONDS = 900;
    /** Longer than the periodic collection's interval (packaging/jvm-options.sh). */
    private static final int IDLE_SECONDS = 45;

    private PodsTableBench() {
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        String context = args[1];
        int expected = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int updatesPerSecond = Integer.parseInt(args[4]);
        long jvmStart = System.nanoTime();
        FxHarness.startHeadless();

        for (int round = 1; round <= rounds; round++) {
            String label = round == 1 ? "cold JVM" : "same JVM, new window";
            Window window = Window.open(kubeconfig);
            long connectStart = System.nanoTime();
            onFx(() -> {
                window.model.start(context);
                return null;
            });
            waitFor(() -> window.model.cluster().stateProperty().get() == ConnectionState.CONNECTED, 120);
            long connected = System.nanoTime();
            if (round == 1) {
                System.out.printf("cold JVM: toolkit up %d ms after main()%n", ms(connectStart - jvmStart));
            }
            System.out.printf("round %d (%s): connect %d ms%n", round, label, ms(connected - connectStart));

            PaintProbe probe = onFx(() -> new PaintProbe(window.stage.getScene(), window.view(), window.model.table(), expected));
            long requested = onFx(() -> {
                long now = System.nanoTime();
                window.model.showKind(null, Pods.DESCRIPTOR);
                return now;
            });
            probe.awaitFull(FULL_TABLE_TIMEOUT_SECONDS);
            int shown = onFx(() -> window.model.table().rows().size());
            System.out.printf("round %d: showKind → first rows painted %s ms, → full table (%d of %d pods) %s ms,"
                            + " → every row with its metadata %s ms%n", round,
                    since(requested, probe.firstRows), shown, expected, since(requested, probe.full), since(requested, probe.complete));

            if (round == 1) {
                reportMemory();
            }
            if (round == rounds) {
                measureInteractions(window.view(), window.model.table());
                measureChurn(kubeconfig, context, expected, updatesPerSecond);
            }
            onFx(() -> {
                window.model.close();
                window.stage.close();
                return null;
            });
        }
        Platform.exit();
        System.exit(0);
    }

    /** A window as the app builds it. */
    private record Window(MainViewModel model, Stage stage) {
        static Window open(Path kubeconfig) throws Exception {
            return onFx(() -> {
                MainViewModel model = new MainViewModel(new ClusterService(List.of(kubeconfig)), BackgroundTasks.forJavaFx());
                Stage stage = new Stage();
                stage.setScene(WheelhouseApp.createScene(model));
                stage.show();
                return new Window(model, stage);
            });
        }

        @SuppressWarnings("unchecked")
        TableView<ResourceRow> view() {
            return (TableView<ResourceRow>) stage.getScene().lookup("#rows");
        }
    }

    /**
     * Watches each pulse, after layout, for the first row with a pod in it, for the whole list shown (quick
     * rows count: they show what kubectl prints), and for every row having its metadata (no quick row left).
     */
    private static final class PaintProbe {
        volatile long firstRows;
        volatile long full;
        volatile long complete;
        private long lastCompleteCheck;
        private final Scene scene;
        private final Runnable listener;

        PaintProbe(Scene scene, TableView<ResourceRow> view, ResourceTableViewModel table, int expected) {
            this.scene = scene;
            this.listener = () -> {
                long now = System.nanoTime();
                if (firstRows == 0 && view.lookupAll(".table-row-cell").stream()
                        .anyMatch(node -> node instanceof TableRow<?> row && row.getItem() != null && row.isVisible())) {
                    firstRows = now;
                }
                if (firstRows != 0 && full == 0 && table.stateProperty().get() == ResourceTableViewModel.LoadState.READY
                        && table.rows().size() >= expected && view.getItems().size() >= expected) {
                    full = now;
                }
                if (full != 0 && complete == 0 && now - lastCompleteCheck > TimeUnit.MILLISECONDS.toNanos(50)) {
                    lastCompleteCheck = now;
                    if (table.rows().stream().noneMatch(row -> row.object().isStandIn())) {
                        complete = now;
                    }
                }
            };
            scene.addPostLayoutPulseListener(listener);
        }

        void awaitFull(int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (complete == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            onFx(() -> {
                scene.removePostLayoutPulseListener(listener);
                return null;
            });
        }
    }

    /** RSS when the table is complete, then after the window sat idle as a user's would, then after forced GCs. */
    private static void reportMemory() throws Exception {
        System.out.printf("memory with the full table: RSS %d MiB%n", rssKb() / 1024);
        Thread.sleep(TimeUnit.SECONDS.toMillis(IDLE_SECONDS));
        System.out.printf("memory %d s later, idle, no forced GC: RSS %d MiB%n", IDLE_SECONDS, rssKb() / 1024);
        System.gc();
        Thread.sleep(500);
        System.gc();
        Thread.sleep(500);
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("memory after forced GC: RSS %d MiB, Java heap used %d MiB%n",
                rssKb() / 1024, (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024));
    }

    private static void measureInteractions(TableView<ResourceRow> view, ResourceTableViewModel table) throws Exception {
        for (String title : List.of("Status", "Name", "Restarts", "Age")) {
            long took = onFxTimed(() -> {
                view.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().ifPresent(column -> {
                    view.getSortOrder().setAll(column);
                    view.sort();
                    view.layout();
                });
            });
            System.out.printf("sort by %s: %d ms%n", title, took);
        }
        onFxTimed(() -> view.getSortOrder().clear());
        long filter = onFxTimed(() -> {
            table.filterProperty().set("pod-00004");
            view.layout();
        });
        System.out.printf("filter \"pod-00004\": %d ms → %d rows%n", filter, view.getItems().size());
        long unfilter = onFxTimed(() -> {
            table.filterProperty().set("");
            view.layout();
        });
        System.out.printf("clear filter: %d ms → %d rows%n", unfilter, view.getItems().size());
        long worst = 0;
        long total = 0;
        int steps = 0;
        int rows = view.getItems().size();
        int stride = Math.max(40, rows / 500);
        for (int row = 0; row < rows; row += stride) {
            int target = row;
            long took = onFxTimed(() -> {
                view.scrollTo(target);
                view.layout();
            });
            worst = Math.max(worst, took);
            total += took;
            steps++;
        }
        System.out.printf("scroll in %d jumps of %d rows: average %.1f ms a jump, worst %d ms%n", steps, stride,
                (double) total / steps, worst);
    }

    /** Frame gaps on the FX thread, idle and then while pods are updated, with the window showing the table. */
    private static void measureChurn(Path kubeconfig, String context, int pods, int updatesPerSecond) throws Exception {
        FrameGaps idle = FrameGaps.record(5);
        System.out.printf("FX frame gaps, idle 5 s: %s%n", idle);
        try (PodChurn churn = new PodChurn(new BenchClient(kubeconfig, context), pods)) {
            churn.start(updatesPerSecond);
            Thread.sleep(3000);
            long before = churn.done();
            CpuUse cpu = CpuUse.now();
            FrameGaps busy = FrameGaps.record(15);
            long updates = churn.done() - before;
            System.out.printf("FX frame gaps, 15 s of pod updates (asked %d/s, done %.0f/s): %s%n", updatesPerSecond,
                    updates / 15.0, busy);
            System.out.printf("CPU meanwhile: %s%n", cpu.since());
            if (churn.failed() > 0) {
                System.out.printf("%d updates failed, the first: %s%n", churn.failed(), churn.firstFailure());
            }
        }
    }

    /**
     * The machine's CPU use (all processes: API server, etcd, KWOK, other engineers' work) against this JVM's
     * (the churn generator runs in it, beside the window), from /proc/stat and the JVM's own count.
     */
    private record CpuUse(long machineBusyTicks, long machineTotalTicks, long processNanos, long wallNanos) {
        static CpuUse now() throws Exception {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < fields.length; i++) {
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return new CpuUse(total - idle, total, os.getProcessCpuTime(), System.nanoTime());
        }

        String since() throws Exception {
            CpuUse end = now();
            int cores = Runtime.getRuntime().availableProcessors();
            double machine = (double) (end.machineBusyTicks - machineBusyTicks) / (end.machineTotalTicks - machineTotalTicks);
            double process = (double) (end.processNanos - processNanos) / (end.wallNanos - wallNanos);
            return String.format("machine %.0f%% busy of %d cores, this JVM (window, watch and churn generator) %.2f cores",
                    100 * machine, cores, process);
        }
    }

    private static String since(long start, long end) {
        return end == 0 ? "(not reached)" : Long.toString(ms(end - start));
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static long onFxTimed(Runnable work) throws Exception {
        return onFx(() -> {
            long start = System.nanoTime();
            work.run();
            return ms(System.nanoTime() - start);
        });
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }
}

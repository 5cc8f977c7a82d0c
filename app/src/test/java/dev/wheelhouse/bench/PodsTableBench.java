package dev.wheelhouse.bench;

import dev.wheelhouse.kinds.builtin.Pods;
import static dev.wheelhouse.bench.FxHarness.onFx;
import static dev.wheelhouse.bench.FxHarness.waitFor;

import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.table.ResourceRow;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.app.MainViewModel;
import dev.wheelhouse.ui.app.WheelhouseApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * Measures the All-namespaces Pods table on a big cluster, with the real window (headless):
 * connect → full table, sort, filter, scroll, and the process's memory. Prints numbers; asserts nothing.
 * Run by sandbox/bench-pods, which first puts thousands of pods into the sandbox.
 * Arguments: KUBECONFIG CONTEXT EXPECTED_PODS ROUNDS
 */
public final class PodsTableBench {
    private PodsTableBench() {
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        String context = args[1];
        int expected = Integer.parseInt(args[2]);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        FxHarness.startHeadless();

        for (int round = 1; round <= rounds; round++) {
            MainViewModel model = onFx(() -> new MainViewModel(new ClusterService(List.of(kubeconfig)), BackgroundTasks.forJavaFx()));
            Stage stage = onFx(() -> {
                Stage s = new Stage();
                Scene scene = WheelhouseApp.createScene(model);
                s.setScene(scene);
                s.show();
                return s;
            });
            long t0 = System.nanoTime();
            onFx(() -> {
                model.start(context);
                return null;
            });
            waitFor(() -> model.cluster().stateProperty().get() == ConnectionState.CONNECTED, 60);
            long connected = System.nanoTime();
            onFx(() -> {
                model.showKind(null, Pods.DESCRIPTOR);
                return null;
            });
            ResourceTableViewModel table = model.table();
            waitFor(() -> table.rows().size() >= expected && table.stateProperty().get() == ResourceTableViewModel.LoadState.READY, 300);
            TableView<ResourceRow> view = onFx(() -> lookupTable(stage));
            waitFor(() -> view.getItems().size() >= expected, 60);
            onFx(() -> {
                view.layout();
                return null;
            });
            long full = System.nanoTime();
            System.out.printf("round %d: connect %d ms, connect → full table of %d pods %d ms%n", round,
                    ms(connected - t0), table.rows().size(), ms(full - t0));

            if (round == 1) {
                // Memory as a user's fresh window has it, before later rounds add garbage of their own.
                System.gc();
                Thread.sleep(500);
                System.out.printf("memory after round 1: RSS %d MiB, Java heap used %d MiB (after GC)%n", rssKb() / 1024,
                        (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024));
            }
            if (round == rounds) {
                measureInteractions(view, table);
            }
            onFx(() -> {
                model.close();
                stage.close();
                return null;
            });
        }
        Platform.exit();
        System.exit(0);
    }

    private static void measureInteractions(TableView<ResourceRow> view, ResourceTableViewModel table) throws Exception {
        for (String title : List.of("Status", "Name", "Restarts", "Age")) {
            long took = onFxTimed(() -> {
                TableColumn<ResourceRow, ?> column = view.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
                view.getSortOrder().setAll(column);
                view.sort();
                view.layout();
            });
            System.out.printf("sort by %s: %d ms%n", title, took);
        }
        long filter = onFxTimed(() -> {
            table.filterProperty().set("pod-0004");
            view.layout();
        });
        System.out.printf("filter \"pod-0004\": %d ms → %d rows%n", filter, view.getItems().size());
        long unfilter = onFxTimed(() -> {
            table.filterProperty().set("");
            view.layout();
        });
        System.out.printf("clear filter: %d ms → %d rows%n", unfilter, view.getItems().size());
        long worst = 0;
        long total = 0;
        int steps = 0;
        for (int row = 0; row < view.getItems().size(); row += 40) {
            int target = row;
            long took = onFxTimed(() -> {
                view.scrollTo(target);
                view.layout();
            });
            worst = Math.max(worst, took);
            total += took;
            steps++;
        }
        System.out.printf("scroll through the table in %d pages: average %.1f ms a page, worst %d ms%n", steps, (double) total / steps, worst);
    }

    @SuppressWarnings("unchecked")
    private static TableView<ResourceRow> lookupTable(Stage stage) {
        return (TableView<ResourceRow>) stage.getScene().lookup("#rows");
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

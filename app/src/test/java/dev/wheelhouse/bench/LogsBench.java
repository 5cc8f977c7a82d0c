package dev.wheelhouse.bench;

import static dev.wheelhouse.bench.FxHarness.onFx;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.LineRing;
import dev.wheelhouse.service.LogBatch;
import dev.wheelhouse.service.LogState;
import dev.wheelhouse.service.LogTail;
import dev.wheelhouse.service.LogTarget;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.logs.LogsView;
import dev.wheelhouse.ui.logs.LogsViewModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Live logs at speed, in two parts. First one pod's fast log through {@code kubectl logs -f --timestamps}, then
 * into the real log view (headless), one after the other on the same container in the same run: the request
 * the view makes (it needs each line's time to merge pods and to resume), so both are fed by the same server
 * at the same cost.
 * Then the view alone: lines made up in this JVM, handed to the same view model and view in batches as a
 * {@code LogTail} hands on a fast log, at the goal's rate and at twice it, to show what the view itself can
 * take when the server is not the limit. Each part prints lines per second into the view, the FX thread's
 * frame gaps while ingesting, and the heap after it against the ring's bound. The view alone runs at most a
 * minute at each rate.
 * Run by sandbox/bench-logs. Arguments: KUBECONFIG CONTEXT NAMESPACE POD CONTAINER SECONDS RATE.
 */
public final class LogsBench {
    private LogsBench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        String context = args[1];
        String namespace = args[2];
        String pod = args[3];
        String container = args[4];
        int seconds = Integer.parseInt(args[5]);
        int rate = Integer.parseInt(args[6]);
        // WHEELHOUSE_BENCH_MAX_LINES: the ring's bound, as the logs.max-lines setting sets it.
        int maxLines = Integer.parseInt(System.getenv().getOrDefault("WHEELHOUSE_BENCH_MAX_LINES", "" + LineRing.DEFAULT_MAX_LINES));
        FxHarness.startHeadless();
        System.gc();
        long heapBefore = heapUsed();

        // kubectl first, then the view, each alone: KWOK serves a log with most of a core, so two readers side
        // by side each get about two thirds of what one gets alone (measured: 49,000 lines/s alone, 33,000 each).
        Process kubectl = new ProcessBuilder(Path.of(System.getenv("WHEELHOUSE_SANDBOX_BIN"), "kubectl").toString(),
                "--kubeconfig", kubeconfig.toString(), "-n", namespace, "logs", "-f", "--timestamps", "--tail=0", pod, "-c", container)
                .redirectErrorStream(true).start();
        AtomicLong kubectlLines = new AtomicLong();
        Thread counter = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(kubectl.getInputStream(), StandardCharsets.UTF_8))) {
                while (lines.readLine() != null) {
                    kubectlLines.incrementAndGet();
                }
            } catch (Exception ended) {
                // kubectl was stopped.
            }
        }, "kubectl-counter");
        counter.setDaemon(true);
        counter.start();
        Thread.sleep(5000);
        long kubectlStart = kubectlLines.get();
        long kubectlCpuStart = cpuNanos(kubectl.toHandle());
        long kubectlStarted = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        double kubectlElapsed = (System.nanoTime() - kubectlStarted) / 1e9;
        long viaKubectl = kubectlLines.get() - kubectlStart;
        long kubectlCpu = cpuNanos(kubectl.toHandle()) - kubectlCpuStart;
        kubectl.destroy();
        kubectl.waitFor();

        ClusterSession session = new ClusterService(List.of(kubeconfig)).connect(context);
        LogsViewModel model = showView(session.logs()::tail, LogTarget.pod(namespace, pod), container, maxLines);
        Thread.sleep(5000);
        long appStart = onFx(model::receivedCount);
        long appCpuStart = cpuNanos(ProcessHandle.current());
        long start = System.nanoTime();
        FrameGaps gaps = FrameGaps.record(seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long app = onFx(model::receivedCount) - appStart;
        long appCpu = cpuNanos(ProcessHandle.current()) - appCpuStart;
        String state = onFx(() -> model.stateTextProperty().get());
        System.out.printf("logs of %s/%s (%s), written at %,d lines/s, read by one reader at a time:%n", namespace, pod, container, rate);
        System.out.printf("  kubectl logs -f --timestamps: %,.0f lines/s over %.0f s (%,d lines; kubectl's CPU %.0f%% of a core)%n",
                viaKubectl / kubectlElapsed, kubectlElapsed, viaKubectl, 100 * kubectlCpu / 1e9 / kubectlElapsed);
        System.out.printf("  into the log view:            %,.0f lines/s over %.0f s (%,d lines; state %s; this JVM's CPU %.0f%% of a core)%n",
                app / elapsed, elapsed, app, state, 100 * appCpu / 1e9 / elapsed);
        printAfter(model, gaps, heapBefore, maxLines);

        // The view alone reaches its steady state within seconds: a minute of each shows it.
        int aloneSeconds = Math.min(seconds, 60);
        for (int offered : new int[] {rate, 2 * rate}) {
            System.gc();
            long heapBeforeAlone = heapUsed();
            LogsViewModel alone = showView(new MadeUpLines(offered), LogTarget.pod(namespace, pod), container, maxLines);
            Thread.sleep(2000);
            long aloneStart = onFx(alone::receivedCount);
            long aloneStarted = System.nanoTime();
            FrameGaps aloneGaps = FrameGaps.record(aloneSeconds);
            double aloneElapsed = (System.nanoTime() - aloneStarted) / 1e9;
            long into = onFx(alone::receivedCount) - aloneStart;
            System.out.printf("the view alone, offered %,d lines/s made up in this JVM, over %.0f s:%n", offered, aloneElapsed);
            System.out.printf("  into the log view:            %,.0f lines/s (%,d lines)%n", into / aloneElapsed, into);
            printAfter(alone, aloneGaps, heapBeforeAlone, maxLines);
        }
        session.close();
    }

    /** Opens a log view in its own window, as the app's tab shows it (theme and stylesheets). */
    private static LogsViewModel showView(LogsViewModel.Opener opener, LogTarget target, String container, int maxLines) throws Exception {
        return onFx(() -> {
            LogsViewModel m = new LogsViewModel(BackgroundTasks.forJavaFx(), opener, target, maxLines);
            m.containerProperty().set(container);
            m.tailLinesProperty().set(0);
            // The window's theme and stylesheet, whose colours the log view's stylesheet reads.
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            Scene scene = new Scene(new LogsView(m), 1100, 700);
            scene.getStylesheets().add(LogsView.class.getResource("/dev/wheelhouse/ui/wheelhouse.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return m;
        });
    }

    /** Frame gaps, then closes the view and prints the heap after GC with its lines still held. */
    private static void printAfter(LogsViewModel model, FrameGaps gaps, long heapBefore, int maxLines) throws Exception {
        double cellHeight = onFx(() -> ((javafx.scene.control.ListView<?>) javafx.stage.Window.getWindows().get(0).getScene()
                .lookup("#log-lines")).getFixedCellSize());
        onFx(() -> {
            model.stop();
            return null;
        });
        int held = onFx(model::heldCount);
        System.gc();
        System.gc();
        long heapAfter = heapUsed();
        System.out.printf("  FX pulses while ingesting (lines %.1f px high): %s%n", cellHeight, gaps);
        System.out.printf("  heap after GC: %,d MiB before, %,d MiB after; %,d lines held (bound %,d)%n",
                heapBefore >> 20, heapAfter >> 20, held, maxLines);
        onFx(() -> {
            javafx.stage.Window.getWindows().get(0).hide();
            return null;
        });
    }

    /** The CPU time a process has used so far, 0 where the system does not tell. */
    private static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static long heapUsed() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * A log of RATE lines a second made up on a thread of its own and handed on every
     * {@value LogTail#FAST_FLUSH_MS} ms, as a {@link LogTail} hands on a fast log: the view's side of a tail.
     */
    private record MadeUpLines(int rate) implements LogsViewModel.Opener {
        @Override
        public AutoCloseable open(LogTarget target, LogOptions options, Consumer<LogBatch> sink) {
            Thread thread = new Thread(() -> {
                long started = System.nanoTime();
                long made = 0;
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(LogTail.FAST_FLUSH_MS);
                        long due = (System.nanoTime() - started) * rate / 1_000_000_000L - made;
                        List<LogLine> lines = new ArrayList<>((int) due);
                        Instant now = Instant.now();
                        for (long i = 0; i < due; i++) {
                            lines.add(LogLine.line(now, target.name(), options.container(), "INFO GET /api/items/" + (made + i) % 997
                                    + " 200 " + (made + i) % 13 + "ms user=student-" + (made + i) % 31 + " (line " + (made + i) + ")"));
                        }
                        made += due;
                        sink.accept(new LogBatch(lines, LogState.STREAMING, "", made == due ? List.of(target.name()) : null, null));
                    }
                } catch (InterruptedException stopped) {
                    // The view closed its tail.
                }
            }, "made-up-log");
            thread.setDaemon(true);
            thread.start();
            return thread::interrupt;
        }
    }
}

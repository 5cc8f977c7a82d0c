package dev.wheelhouse.bench;

import static dev.wheelhouse.bench.FxHarness.onFx;

import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.LineRing;
import dev.wheelhouse.service.LogTarget;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.logs.LogsView;
import dev.wheelhouse.ui.logs.LogsViewModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Live logs at speed: one pod's fast log into the real log view (headless), beside {@code kubectl logs -f} on
 * the same container in the same run. Prints lines per second into the view and through kubectl, the FX
 * thread's longest pulse gap while ingesting, and the heap after the run against the ring's bound.
 * Run by sandbox/bench-logs. Arguments: KUBECONFIG CONTEXT NAMESPACE POD CONTAINER SECONDS [LOG-FILE RATE]:
 * with a log file, this writes RATE lines a second into it (a sandbox without fast-log pods serves that file
 * as the container's log); without, the pod writes its own fast log.
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
        // WHEELHOUSE_BENCH_MAX_LINES: the ring's bound, as the logs.max-lines setting sets it.
        int maxLines = Integer.parseInt(System.getenv().getOrDefault("WHEELHOUSE_BENCH_MAX_LINES", "" + LineRing.DEFAULT_MAX_LINES));
        AtomicLong written = new AtomicLong();
        Thread writer = null;
        if (args.length > 7) {
            writer = startWriter(Path.of(args[6]), Integer.parseInt(args[7]), written);
        }
        FxHarness.startHeadless();
        System.gc();
        long heapBefore = heapUsed();

        Process kubectl = new ProcessBuilder(Path.of(System.getenv("WHEELHOUSE_SANDBOX_BIN"), "kubectl").toString(),
                "--kubeconfig", kubeconfig.toString(), "-n", namespace, "logs", "-f", "--tail=0", pod, "-c", container)
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

        ClusterSession session = new ClusterService(List.of(kubeconfig)).connect(context);
        LogsViewModel model = onFx(() -> {
            LogsViewModel m = new LogsViewModel(BackgroundTasks.forJavaFx(), session.logs()::tail, LogTarget.pod(namespace, pod), maxLines);
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
        Thread.sleep(5000);
        long appStart = onFx(model::receivedCount);
        long kubectlStart = kubectlLines.get();
        long writtenStart = written.get();
        long start = System.nanoTime();
        FrameGaps gaps = FrameGaps.record(seconds);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long app = onFx(model::receivedCount) - appStart;
        long viaKubectl = kubectlLines.get() - kubectlStart;
        long wrote = written.get() - writtenStart;
        int held = onFx(model::heldCount);
        String state = onFx(() -> model.stateTextProperty().get());
        double cellHeight = onFx(() -> ((javafx.scene.control.ListView<?>) javafx.stage.Window.getWindows().get(0).getScene()
                .lookup("#log-lines")).getFixedCellSize());

        System.gc();
        System.gc();
        long heapAfter = heapUsed();
        System.out.printf("logs of %s/%s (%s) over %.0f s:%n", namespace, pod, container, elapsed);
        if (writer != null) {
            System.out.printf("  written to the log file: %,.0f lines/s%n", wrote / elapsed);
        }
        System.out.printf("  into the log view:       %,.0f lines/s (%,d lines; state %s)%n", app / elapsed, app, state);
        System.out.printf("  kubectl logs -f:         %,.0f lines/s (%,d lines)%n", viaKubectl / elapsed, viaKubectl);
        System.out.printf("  FX pulses while ingesting (lines %.1f px high): %s%n", cellHeight, gaps);
        System.out.printf("  heap after GC: %,d MiB before the tail, %,d MiB after; %,d lines held (bound %,d)%n",
                heapBefore >> 20, heapAfter >> 20, held, maxLines);
        kubectl.destroy();
        if (writer != null) {
            writer.interrupt();
        }
        onFx(() -> {
            model.stop();
            return null;
        });
        session.close();
    }

    private static long heapUsed() {
        return java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Appends RATE lines a second in the CRI format, whole lines per write so the helper's own lines stay intact. */
    private static Thread startWriter(Path file, int rate, AtomicLong written) {
        Thread thread = new Thread(() -> {
            String padding = "x".repeat(60);
            long started = System.nanoTime();
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                while (!Thread.currentThread().isInterrupted()) {
                    long due = (System.nanoTime() - started) * rate / 1_000_000_000L - written.get();
                    if (due <= 0) {
                        Thread.sleep(5);
                        continue;
                    }
                    StringBuilder chunk = new StringBuilder();
                    String now = Instant.now().toString();
                    for (long i = 0; i < due; i++) {
                        chunk.append(now).append(" stdout F bench line ").append(written.get() + i).append(' ').append(padding).append('\n');
                    }
                    out.write(ByteBuffer.wrap(chunk.toString().getBytes(StandardCharsets.UTF_8)));
                    written.addAndGet(due);
                }
            } catch (InterruptedException | java.nio.channels.ClosedByInterruptException stopped) {
                // The run is over.
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "log-writer");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}

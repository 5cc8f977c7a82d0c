package dev.wheelhouse.bench;

import static dev.wheelhouse.bench.FxHarness.onFx;

import java.util.ArrayList;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * The time between consecutive pulses on the FX thread, taken by an AnimationTimer (which also keeps
 * pulses coming at the 60 Hz cadence). A gap is a pulse's own work plus anything run on the FX thread
 * since the last one: what a user sees as a stall. 16.7 ms is the ideal.
 * With each gap goes the CPU time the FX thread itself used in it: the rest of a long gap is the thread
 * waiting for a core (other processes and threads on the machine), not our work on it.
 * Beside the gaps, each pulse's own length: from the timer (the first thing a pulse runs) to the end of the
 * scene's layout (a post-layout pulse listener), the part of a frame the FX thread spends in the pulse.
 */
final class FrameGaps {
    private static final long STALL = TimeUnit.MILLISECONDS.toNanos(33);

    private final List<Gap> gaps;
    private final List<Gap> pulses;

    private record Gap(long wallNanos, long fxCpuNanos) {
    }

    private FrameGaps(List<Gap> gaps, List<Gap> pulses) {
        this.gaps = gaps;
        this.pulses = pulses;
    }

    static FrameGaps record(int seconds) throws Exception {
        List<Gap> gaps = Collections.synchronizedList(new ArrayList<>());
        List<Gap> pulses = Collections.synchronizedList(new ArrayList<>());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] pulseStart = {0, 0};
        AnimationTimer timer = new AnimationTimer() {
            private long last;
            private long lastCpu;

            @Override
            public void handle(long ignored) {
                long now = System.nanoTime();
                long cpu = threads.getCurrentThreadCpuTime();
                if (last != 0) {
                    gaps.add(new Gap(now - last, cpu - lastCpu));
                }
                last = now;
                lastCpu = cpu;
                pulseStart[0] = now;
                pulseStart[1] = cpu;
            }
        };
        // A pulse runs the animation timers first and the scene's CSS and layout last: its length on the FX
        // thread is from the timer to this listener (the rendering itself is another thread's).
        Runnable pulseEnded = () -> {
            if (pulseStart[0] != 0) {
                pulses.add(new Gap(System.nanoTime() - pulseStart[0], threads.getCurrentThreadCpuTime() - pulseStart[1]));
                pulseStart[0] = 0;
            }
        };
        Scene scene = onFx(() -> Window.getWindows().stream().filter(Window::isShowing).map(Window::getScene).findFirst().orElse(null));
        onFx(() -> {
            timer.start();
            if (scene != null) {
                scene.addPostLayoutPulseListener(pulseEnded);
            }
            return null;
        });
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        onFx(() -> {
            timer.stop();
            if (scene != null) {
                scene.removePostLayoutPulseListener(pulseEnded);
            }
            return null;
        });
        synchronized (gaps) {
            synchronized (pulses) {
                return new FrameGaps(new ArrayList<>(gaps), new ArrayList<>(pulses));
            }
        }
    }

    @Override
    public String toString() {
        if (gaps.isEmpty()) {
            return "no frames";
        }
        List<Gap> sorted = new ArrayList<>(gaps);
        sorted.sort(Comparator.comparingLong(Gap::wallNanos));
        List<Gap> stalls = sorted.stream().filter(gap -> gap.wallNanos() > STALL).toList();
        List<Long> stallCpu = stalls.stream().map(Gap::fxCpuNanos).sorted().toList();
        Gap longest = sorted.get(sorted.size() - 1);
        long allCpu = sorted.stream().mapToLong(Gap::fxCpuNanos).sum();
        long allWall = sorted.stream().mapToLong(Gap::wallNanos).sum();
        return String.format("%d frames, median %.1f ms, 99th percentile %.1f ms, longest %.1f ms (FX thread's CPU in it %.1f ms), "
                        + "%d over 33 ms (FX thread's CPU in them: median %.1f ms, most %.1f ms, %d over 33 ms); "
                        + "FX thread busy %.0f%% of the time",
                sorted.size(), millis(sorted.get(sorted.size() / 2).wallNanos()), millis(sorted.get(sorted.size() * 99 / 100).wallNanos()),
                millis(longest.wallNanos()), millis(longest.fxCpuNanos()), stalls.size(),
                stallCpu.isEmpty() ? 0 : millis(stallCpu.get(stallCpu.size() / 2)),
                stallCpu.isEmpty() ? 0 : millis(stallCpu.get(stallCpu.size() - 1)),
                stallCpu.stream().filter(cpu -> cpu > STALL).count(), 100.0 * allCpu / allWall) + pulsesText();
    }

    private String pulsesText() {
        if (pulses.isEmpty()) {
            return "";
        }
        Gap longest = pulses.stream().max(Comparator.comparingLong(Gap::wallNanos)).orElseThrow();
        Gap mostCpu = pulses.stream().max(Comparator.comparingLong(Gap::fxCpuNanos)).orElseThrow();
        return String.format("; pulses (timer to end of layout): longest %.1f ms (%.1f ms of FX CPU), most FX CPU in one %.1f ms, "
                        + "%d of %d over 33 ms", millis(longest.wallNanos()), millis(longest.fxCpuNanos()), millis(mostCpu.fxCpuNanos()),
                pulses.stream().filter(pulse -> pulse.wallNanos() > STALL).count(), pulses.size());
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}

package dev.wheelhouse.bench;

import static dev.wheelhouse.bench.FxHarness.onFx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;

/**
 * The time between consecutive pulses on the FX thread, taken by an AnimationTimer (which also keeps
 * pulses coming at the 60 Hz cadence). A gap is a pulse's own work plus anything run on the FX thread
 * since the last one: what a user sees as a stall. 16.7 ms is the ideal.
 */
final class FrameGaps {
    private final List<Long> gapsNanos;

    private FrameGaps(List<Long> gapsNanos) {
        this.gapsNanos = gapsNanos;
    }

    static FrameGaps record(int seconds) throws Exception {
        List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        AnimationTimer timer = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long ignored) {
                long now = System.nanoTime();
                if (last != 0) {
                    gaps.add(now - last);
                }
                last = now;
            }
        };
        onFx(() -> {
            timer.start();
            return null;
        });
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        onFx(() -> {
            timer.stop();
            return null;
        });
        synchronized (gaps) {
            return new FrameGaps(new ArrayList<>(gaps));
        }
    }

    @Override
    public String toString() {
        if (gapsNanos.isEmpty()) {
            return "no frames";
        }
        List<Long> sorted = new ArrayList<>(gapsNanos);
        Collections.sort(sorted);
        long over33 = sorted.stream().filter(gap -> gap > TimeUnit.MILLISECONDS.toNanos(33)).count();
        return String.format("%d frames, median %.1f ms, 99th percentile %.1f ms, longest %.1f ms, %d over 33 ms",
                sorted.size(), millis(sorted.get(sorted.size() / 2)), millis(sorted.get(sorted.size() * 99 / 100)),
                millis(sorted.get(sorted.size() - 1)), over33);
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}

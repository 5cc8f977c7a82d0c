package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration CEILING = Duration.ofSeconds(30);

    private static List<Long> waits(Backoff backoff, int count) {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            waits.add(backoff.next().toMillis());
        }
        return waits;
    }

    @Test
    void theLongestPossibleWaitsDoubleFromOneSecondUpToTheCeiling() {
        Backoff backoff = new Backoff(SECOND, CEILING, () -> 0.999_999);

        assertThat(waits(backoff, 8)).containsExactly(999L, 1_999L, 3_999L, 7_999L, 15_999L, 29_999L, 29_999L, 29_999L);
    }

    @Test
    void aSuccessStartsOverFromOneSecond() {
        Backoff backoff = new Backoff(SECOND, CEILING, () -> 0.999_999);
        waits(backoff, 6);

        backoff.reset();

        assertThat(backoff.next()).isEqualTo(Duration.ofMillis(999));
    }

    @Test
    void fullJitterSpreadsEachWaitOverItsWholeRange() {
        Random random = new Random(42);
        List<Long> tenths = new ArrayList<>();
        for (int run = 0; run < 2_000; run++) {
            Backoff backoff = new Backoff(SECOND, CEILING, random::nextDouble);
            List<Long> waits = waits(backoff, 7);
            assertThat(waits.get(0)).isBetween(0L, 1_000L);
            assertThat(waits.get(6)).isBetween(0L, 30_000L);
            tenths.add(waits.get(6) / 3_000);
        }
        // Waits at the ceiling fall into every tenth of [0, 30 s), not only near its top.
        assertThat(tenths).contains(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    @Test
    void aForbiddenListIsRetriedOnlyAHandfulOfTimesAMinute() {
        // Even the shortest waits (nearly no jitter at the low end) add up: the expected count stays small.
        Random random = new Random(7);
        double total = 0;
        int runs = 1_000;
        for (int run = 0; run < runs; run++) {
            Backoff backoff = new Backoff(SECOND, CEILING, random::nextDouble);
            long elapsed = 0;
            int requests = 1;
            while ((elapsed += backoff.next().toMillis()) < 60_000) {
                requests++;
            }
            total += requests;
        }
        assertThat(total / runs).isLessThan(10);
    }

    @Test
    void waitingGoesOnUnlessClosedMeanwhileOrInterrupted() throws Exception {
        Backoff backoff = new Backoff(Duration.ofMillis(40), CEILING, () -> 0.5);
        CountDownLatch open = new CountDownLatch(1);
        long started = System.nanoTime();
        assertThat(backoff.waitNext(open)).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(20));

        CountDownLatch closed = new CountDownLatch(1);
        closed.countDown();
        assertThat(backoff.waitNext(closed)).as("closed before it waited").isFalse();

        Thread.currentThread().interrupt();
        assertThat(backoff.waitNext(open)).as("interrupted: its owner shut down").isFalse();
        assertThat(Thread.interrupted()).as("the interrupt stays set for the caller").isTrue();
    }

    @Test
    void closingWakesAWaitWithoutAnInterrupt() throws Exception {
        Backoff backoff = new Backoff(Duration.ofMinutes(10), Duration.ofMinutes(10), () -> 0.999);
        CountDownLatch closing = new CountDownLatch(1);
        ExecutorService owner = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> goOn = owner.submit(() -> backoff.waitNext(closing));
            Thread.sleep(100);
            assertThat(goOn).as("still waiting its ten minutes").isNotDone();
            closing.countDown();
            assertThat(goOn.get(5, TimeUnit.SECONDS)).as("woken by the close, told to stop").isFalse();
        } finally {
            owner.shutdown();
        }
    }
}

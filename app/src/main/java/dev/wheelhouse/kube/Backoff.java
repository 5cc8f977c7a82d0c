package dev.wheelhouse.kube;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: the n-th wait since the last success is a random time between zero
 * and {@code min(ceiling, initial * 2^n)}. The randomness spreads the retries of many watches (and many
 * users of one cluster) instead of letting them hit the API server in step.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration ceiling;
    private final DoubleSupplier random;
    private int failures;

    /** {@code random} returns values in [0, 1). */
    public Backoff(Duration initial, Duration ceiling, DoubleSupplier random) {
        this.initial = initial;
        this.ceiling = ceiling;
        this.random = random;
    }

    /** How long to wait after one more failure. */
    public Duration next() {
        double exponential = initial.toMillis() * Math.pow(2, Math.min(failures, 30));
        failures++;
        return Duration.ofMillis((long) (random.getAsDouble() * Math.min(ceiling.toMillis(), exponential)));
    }

    /**
     * Waits {@link #next()} on this thread, for a loop that retries until closed: returns whether to go on,
     * false as soon as {@code closing} counts down (its owner closed) or the thread is interrupted. Owners
     * wake the wait with the latch rather than an interrupt: OkHttp does not support interrupts, and one in
     * the middle of a call can stall the HTTP/2 connection that every watch of a context shares.
     */
    public boolean waitNext(CountDownLatch closing) {
        try {
            return !closing.await(next().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next failure waits as little as the first one again. */
    public void reset() {
        failures = 0;
    }
}

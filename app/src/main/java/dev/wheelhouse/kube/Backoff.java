package dev.wheelhouse.kube;

import java.time.Duration;
import java.util.function.BooleanSupplier;
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
     * false when {@code closed} says so after the wait or the thread was interrupted (its owner shut down).
     */
    public boolean waitNext(BooleanSupplier closed) {
        try {
            Thread.sleep(next().toMillis());
            return !closed.getAsBoolean();
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

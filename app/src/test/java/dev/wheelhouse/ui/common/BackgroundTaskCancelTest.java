package dev.wheelhouse.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.CancellableWaits;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancel reaches a worker only where an interrupt is safe: inside a {@link CancellableWaits} wait. Elsewhere (in
 * the middle of an HTTP call on a connection the watches share) its thread is left uninterrupted.
 */
class BackgroundTaskCancelTest {
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final BackgroundTasks tasks = new BackgroundTasks(pool, Runnable::run);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aWorkerBusyOutsideAWaitIsNotInterruptedAndItsNextWaitEndsAtOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CompletableFuture<Boolean> interruptedWhileBusy = new CompletableFuture<>();
        CompletableFuture<Throwable> laterWait = new CompletableFuture<>();
        BackgroundTask task = tasks.run(() -> {
            started.countDown();
            cancelled.await(); // stands for a request in flight; the test's own latch, not a cancellable wait
            interruptedWhileBusy.complete(Thread.currentThread().isInterrupted());
            try {
                CancellableWaits.during(() -> new CountDownLatch(1).await(30, TimeUnit.SECONDS));
                laterWait.complete(null);
            } catch (InterruptedException e) {
                laterWait.complete(e);
            }
            return "done";
        }, r -> { }, e -> { });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(task.cancel()).isTrue();
        cancelled.countDown();

        assertThat(interruptedWhileBusy.get(5, TimeUnit.SECONDS)).as("interrupt flag while busy").isFalse();
        assertThat(laterWait.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aWorkerInsideAWaitIsInterrupted() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        BackgroundTask task = tasks.run(() -> {
            try {
                CancellableWaits.during(() -> {
                    waiting.countDown();
                    return new CountDownLatch(1).await(30, TimeUnit.SECONDS);
                });
                outcome.complete(null);
            } catch (InterruptedException e) {
                outcome.complete(e);
            }
            return "done";
        }, r -> { }, e -> { });
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

        task.cancel();

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void theThreadIsFreeForTheNextTaskOnceACancelledOneEnds() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        BackgroundTask first = tasks.run(() -> {
            started.countDown();
            release.await();
            return "first";
        }, r -> { }, e -> { });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        first.cancel();
        release.countDown();

        AtomicReference<Object> second = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        tasks.run(() -> CancellableWaits.during(() -> new CountDownLatch(1).await(50, TimeUnit.MILLISECONDS)),
                r -> { second.set(r); done.countDown(); }, e -> { second.set(e); done.countDown(); });

        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(second.get()).as("the same pool thread's next wait runs in full").isEqualTo(false);
    }
}

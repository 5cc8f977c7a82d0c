package dev.wheelhouse.ui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * The one way the UI runs blocking work: off the JavaFX thread, with its result, its failure and
 * its progress messages handed back on the one UI executor. A task can be cancelled; a cancelled
 * task's result is dropped, so a late answer never reaches a view that moved on.
 * View models take one of these, so tests can run everything on the calling thread.
 */
public final class BackgroundTasks {
    private final Executor background;
    private final Executor uiThread;

    public BackgroundTasks(Executor background, Executor uiThread) {
        this.background = background;
        this.uiThread = uiThread;
    }

    /** Background work on daemon threads, results on the JavaFX application thread. */
    public static BackgroundTasks forJavaFx() {
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "wheelhouse-task-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new BackgroundTasks(pool, Platform::runLater);
    }

    /** Blocking work that may tell what it is waiting for. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Consumer<String> progress) throws Exception;
    }

    /** Runs {@code work} off the UI thread; exactly one of the callbacks runs on the UI thread, unless cancelled first. */
    public <T> BackgroundTask run(Work<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        BackgroundTask task = new BackgroundTask();
        background.execute(() -> {
            if (!task.begin(Thread.currentThread())) {
                return;
            }
            try {
                T result = work.call(message -> uiThread.execute(() -> task.report(message)));
                uiThread.execute(() -> {
                    if (task.finish()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception e) {
                uiThread.execute(() -> {
                    if (task.finish()) {
                        onFailure.accept(e);
                    }
                });
            } finally {
                task.end();
            }
        });
        return task;
    }

    /** The same, for work with nothing to report along the way. */
    public <T> BackgroundTask run(java.util.concurrent.Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        return run(progress -> work.call(), onSuccess, onFailure);
    }

    /** Runs blocking work whose only outcome is that it is done (closing a session, say). */
    public void runInBackground(Runnable work) {
        background.execute(work);
    }

    /** Runs something on the UI thread later, after the current event (never at once, even on it). */
    public void later(Runnable action) {
        uiThread.execute(action);
    }

    /** Where results are delivered: the JavaFX thread in the app. */
    public Executor uiThread() {
        return uiThread;
    }
}

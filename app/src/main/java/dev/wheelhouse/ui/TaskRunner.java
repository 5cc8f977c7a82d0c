package dev.wheelhouse.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs blocking work off the JavaFX thread and hands its result back on it.
 * View models take one of these, so tests can run everything on the calling thread.
 */
public final class TaskRunner {
    private final Executor background;
    private final Executor uiThread;

    public TaskRunner(Executor background, Executor uiThread) {
        this.background = background;
        this.uiThread = uiThread;
    }

    /** Background work on daemon threads, results on the JavaFX application thread. */
    public static TaskRunner forJavaFx() {
        AtomicInteger ids = new AtomicInteger();
        ExecutorService pool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "wheelhouse-task-" + ids.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new TaskRunner(pool, Platform::runLater);
    }

    public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Exception> onFailure) {
        background.execute(() -> {
            try {
                T result = work.call();
                uiThread.execute(() -> onSuccess.accept(result));
            } catch (Exception e) {
                uiThread.execute(() -> onFailure.accept(e));
            }
        });
    }

    /** Runs blocking work whose only outcome is that it is done (closing a session, say). */
    public void runInBackground(Runnable work) {
        background.execute(work);
    }

    /** Where results are delivered: the JavaFX thread in the app. */
    public Executor uiThread() {
        return uiThread;
    }
}

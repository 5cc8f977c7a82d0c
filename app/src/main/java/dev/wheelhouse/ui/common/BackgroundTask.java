package dev.wheelhouse.ui.common;

import dev.wheelhouse.model.CancellableWaits;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One piece of work started by {@link BackgroundTasks}: what it last said it is doing, and a way
 * to give up on it. Cancelling guarantees that neither its result nor its failure is delivered, and ends the
 * worker's waits for a process or a latch (a credential plugin's run) through {@link CancellableWaits}: never
 * an interrupt anywhere else, where it could break the HTTP connection the cluster's watches share.
 */
public final class BackgroundTask {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private Thread worker;
    private boolean cancelled;
    private boolean finished;

    synchronized boolean begin(Thread thread) {
        if (cancelled) {
            return false;
        }
        worker = thread;
        return true;
    }

    synchronized void end() {
        worker = null;
        CancellableWaits.forget();
    }

    /** On the UI thread: whether the outcome may still be delivered (it is, at most once). */
    synchronized boolean finish() {
        if (cancelled || finished) {
            return false;
        }
        finished = true;
        return true;
    }

    void report(String text) {
        if (!isCancelled()) {
            message.set(text);
        }
    }

    /** Gives up on the work: its callbacks will not run. Returns false if it had already finished. */
    public synchronized boolean cancel() {
        if (finished || cancelled) {
            return false;
        }
        cancelled = true;
        if (worker != null) {
            CancellableWaits.cancel(worker);
        }
        return true;
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** What the work last said it was doing or waiting for; updated on the UI thread. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}

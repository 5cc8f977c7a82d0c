package dev.wheelhouse.model;

import java.util.HashSet;
import java.util.Set;

/**
 * The only places where Cancel in the window may interrupt a worker thread: waits for a process (a credential
 * plugin, the login shell) or for a latch. Anywhere else an interrupt can hit the HTTP client while it writes to
 * a connection that every watch of the cluster shares, and OkHttp does not support that: its maintainers say it
 * may fail unrelated calls (square/okhttp#7185). So a cancelled worker outside such a wait is not interrupted:
 * its next such wait ends at once instead, and its task drops the result.
 */
public final class CancellableWaits {
    /** A wait that ends early, with {@link InterruptedException}, when its thread is interrupted. */
    @FunctionalInterface
    public interface Wait<T> {
        T run() throws InterruptedException;
    }

    private static final Object LOCK = new Object();
    /** Threads inside {@link #during}; guarded by {@link #LOCK}, as is {@link #CANCELLED}. */
    private static final Set<Thread> WAITING = new HashSet<>();
    /** Threads whose work was cancelled and not {@link #forget forgotten} yet. */
    private static final Set<Thread> CANCELLED = new HashSet<>();

    private CancellableWaits() {
    }

    /**
     * Runs {@code wait} on this thread; a {@link #cancel} meanwhile interrupts it, and one that came before makes
     * it throw at once.
     */
    public static <T> T during(Wait<T> wait) throws InterruptedException {
        Thread self = Thread.currentThread();
        synchronized (LOCK) {
            if (CANCELLED.contains(self)) {
                throw new InterruptedException("cancelled");
            }
            WAITING.add(self);
        }
        boolean ended = false;
        try {
            T result = wait.run();
            ended = true;
            return result;
        } finally {
            synchronized (LOCK) {
                WAITING.remove(self);
                if (ended) {
                    // A cancel that came after the wait was over found nothing left to stop: its interrupt
                    // must not reach the HTTP call that may come next on this thread.
                    Thread.interrupted();
                }
            }
        }
    }

    /** Cancels the work on {@code thread}: interrupts it if it is inside {@link #during}, else its next one. */
    public static void cancel(Thread thread) {
        synchronized (LOCK) {
            CANCELLED.add(thread);
            if (WAITING.contains(thread)) {
                thread.interrupt();
            }
        }
    }

    /** On the worker thread, when its (cancelled or not) work is over: the thread may do other work now. */
    public static void forget() {
        synchronized (LOCK) {
            CANCELLED.remove(Thread.currentThread());
            Thread.interrupted();
        }
    }
}

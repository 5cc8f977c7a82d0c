package dev.wheelhouse.service;

import dev.wheelhouse.kube.WatchListener;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedColumn;
import dev.wheelhouse.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Collects watch events and hands them on as one {@link Batch} per flush. A burst of thousands of
 * events (a rollout) thus reaches the UI as a few updates, and an object changed ten times in one
 * interval arrives once, in its latest state. A list is handed on page by page as each arrives.
 * A completed list (the first, or one after a failure) is announced as {@code synced} in the batch that
 * carries its last items, and clears the problem, even when the list is empty.
 */
final class EventCoalescer implements WatchListener {
    private final Consumer<Batch> sink;
    /** Where a flush asked for by a listed page runs: the thread the timer's flushes run on, so batches stay in order. */
    private final Executor flushing;
    private Map<String, KubeObject> upserts = new LinkedHashMap<>();
    private Set<String> deletions = new LinkedHashSet<>();
    private boolean synced;
    private Problem problem;
    private List<PrintedColumn> columns = List.of();

    EventCoalescer(Consumer<Batch> sink, Executor flushing) {
        this.sink = sink;
        this.flushing = flushing;
    }

    @Override
    public synchronized void columns(List<PrintedColumn> printed) {
        columns = printed;
    }

    @Override
    public synchronized void upserted(KubeObject object) {
        deletions.remove(object.uid());
        upserts.put(object.uid(), object);
    }

    @Override
    public synchronized void deleted(String uid) {
        upserts.remove(uid);
        deletions.add(uid);
    }

    @Override
    public synchronized void synced() {
        synced = true;
        problem = null;
    }

    /** A list page is in: hand it on now rather than at the next tick (the first page is the first rows shown). */
    @Override
    public void pageListed() {
        try {
            flushing.execute(this::flush);
        } catch (RejectedExecutionException sessionClosed) {
            // Nobody is left to deliver to.
        }
    }

    @Override
    public synchronized void failed(Problem failure) {
        problem = failure;
    }

    /** Delivers what has gathered since the last flush, if anything; called on a timer and after each list page. */
    void flush() {
        Batch batch;
        synchronized (this) {
            batch = new Batch(new ArrayList<>(upserts.values()), new ArrayList<>(deletions), synced, problem, columns);
            if (batch.isEmpty()) {
                return;
            }
            upserts = new LinkedHashMap<>();
            deletions = new LinkedHashSet<>();
            synced = false;
            problem = null;
        }
        sink.accept(batch);
    }
}

package dev.wheelhouse.service;

import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedColumn;
import dev.wheelhouse.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One watch of one list, shared by everything that shows it (the table, the tree, the details).
 * It keeps the current objects so that a late subscriber starts from a full snapshot.
 * Snapshots and batches all pass through one serial executor (the session's batch thread), and only
 * there are the objects and receivers touched: a subscriber's snapshot is therefore exactly the state
 * before the next batch it gets, never older (which would bring back deleted objects).
 * Who is subscribed is counted by {@link ClusterSession}, under its lock.
 */
final class SharedWatch {
    private static final System.Logger LOG = System.getLogger(SharedWatch.class.getName());

    private final Executor delivery;
    private final Map<String, KubeObject> current = new LinkedHashMap<>();
    private final List<Subscription> receivers = new ArrayList<>();
    private boolean synced;
    private Problem problem;
    private List<PrintedColumn> columns = List.of();

    SharedWatch(Executor delivery) {
        this.delivery = delivery;
    }

    /** One subscriber's handle; closing it stops its deliveries (one already under way may still arrive). */
    static final class Subscription {
        private final Consumer<Batch> sink;
        private volatile boolean open = true;

        Subscription(Consumer<Batch> sink) {
            this.sink = sink;
        }

        void end() {
            open = false;
        }
    }

    /** Called with each coalesced batch, on the delivery executor. */
    void apply(Batch batch) {
        batch.deletedUids().forEach(current::remove);
        batch.upserts().forEach(o -> current.put(o.uid(), o));
        synced |= batch.synced();
        columns = batch.columns();
        if (batch.problem() != null || batch.synced() || !batch.upserts().isEmpty()) {
            problem = batch.problem();
        }
        receivers.forEach(r -> deliver(r, batch));
    }

    /** Hands the subscriber what is known when its turn on the delivery executor comes, then every later batch. */
    void join(Subscription subscription) {
        delivery.execute(() -> {
            if (!subscription.open) {
                return;
            }
            Batch snapshot = new Batch(new ArrayList<>(current.values()), List.of(), synced, problem, columns);
            if (!snapshot.isEmpty()) {
                deliver(subscription, snapshot);
            }
            receivers.add(subscription);
        });
    }

    /**
     * Forgets an ended subscriber at its turn on the delivery executor. Waiting for the next batch to
     * sweep it would keep every closed view's sink (and the view model it holds) alive on a quiet list.
     */
    void leave(Subscription subscription) {
        subscription.end();
        delivery.execute(() -> receivers.remove(subscription));
    }

    /** A failing receiver must not stop the others, nor the timer that flushes. */
    private static void deliver(Subscription to, Batch batch) {
        if (!to.open) {
            return;
        }
        try {
            to.sink.accept(batch);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A watch subscriber failed on a batch", e);
        }
    }
}

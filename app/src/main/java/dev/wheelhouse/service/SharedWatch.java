package dev.wheelhouse.service;

import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One watch of one list, shared by everything that shows it (the table, the tree, the details).
 * It keeps the current objects so that a late subscriber starts from a full snapshot, and stops
 * the watch when the last subscriber leaves.
 */
final class SharedWatch {
    private final Map<String, KubeObject> current = new LinkedHashMap<>();
    private final List<Consumer<Batch>> sinks = new CopyOnWriteArrayList<>();
    private final Runnable onLastLeave;
    private AutoCloseable watch;
    private boolean synced;
    private Problem problem;

    SharedWatch(Runnable onLastLeave) {
        this.onLastLeave = onLastLeave;
    }

    void started(AutoCloseable handle) {
        this.watch = handle;
    }

    /** Called with each coalesced batch from the watch, on the batch thread. */
    void apply(Batch batch) {
        synchronized (this) {
            batch.deletedUids().forEach(current::remove);
            batch.upserts().forEach(o -> current.put(o.uid(), o));
            synced |= batch.synced();
            if (batch.problem() != null || batch.synced() || !batch.upserts().isEmpty()) {
                problem = batch.problem();
            }
        }
        sinks.forEach(sink -> sink.accept(batch));
    }

    /** Adds a subscriber and hands it what is known so far; returns the handle that removes it. */
    AutoCloseable subscribe(Consumer<Batch> sink) {
        Batch snapshot;
        synchronized (this) {
            snapshot = new Batch(new ArrayList<>(current.values()), List.of(), synced, problem);
            sinks.add(sink);
        }
        if (!snapshot.isEmpty()) {
            sink.accept(snapshot);
        }
        return () -> leave(sink);
    }

    private void leave(Consumer<Batch> sink) {
        sinks.remove(sink);
        if (sinks.isEmpty()) {
            onLastLeave.run();
            try {
                if (watch != null) {
                    watch.close();
                }
            } catch (Exception ignored) {
                // Stopping a watch only ends threads and a socket.
            }
        }
    }
}

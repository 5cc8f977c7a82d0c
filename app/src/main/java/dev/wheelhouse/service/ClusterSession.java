package dev.wheelhouse.service;

import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.kube.ResourceWatch;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ResourceType;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** An open connection to one context. Closing it stops all its watches and frees its sockets and threads. */
public final class ClusterSession implements AutoCloseable {
    /** How long watch events gather before they are handed on together. */
    static final long FLUSH_INTERVAL_MS = 100;

    private final ClusterConnection connection;
    private final ClusterInfo info;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wheelhouse-batches");
        thread.setDaemon(true);
        return thread;
    });

    ClusterSession(ClusterConnection connection, String serverVersion) {
        this.connection = connection;
        this.info = new ClusterInfo(connection.context(), serverVersion);
    }

    public ClusterInfo info() {
        return info;
    }

    /**
     * Keeps a list of one resource type live. {@code sink} receives coalesced batches on a
     * background thread; the caller moves them to its own thread. Close the handle to stop.
     */
    public AutoCloseable watch(ResourceType type, String namespace, Consumer<Batch> sink) {
        EventCoalescer coalescer = new EventCoalescer(sink);
        ResourceWatch watch = connection.watch(type, namespace, coalescer);
        ScheduledFuture<?> flushing = flusher.scheduleWithFixedDelay(coalescer::flush,
                FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        return () -> {
            flushing.cancel(false);
            watch.close();
        };
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        connection.close();
    }
}

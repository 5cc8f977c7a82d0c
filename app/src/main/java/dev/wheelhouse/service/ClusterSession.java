package dev.wheelhouse.service;

import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.kube.ResourceWatch;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.model.ResourceType;
import dev.wheelhouse.model.ServerTable;
import dev.wheelhouse.kube.KubeFailures;
import java.util.HashMap;
import java.util.Map;
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
    private final ResourceActions actions;
    private final Map<String, SharedWatch> watches = new HashMap<>();
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wheelhouse-batches");
        thread.setDaemon(true);
        return thread;
    });

    ClusterSession(ClusterConnection connection, String serverVersion) {
        this.connection = connection;
        this.actions = new ResourceActions(connection);
        this.info = new ClusterInfo(connection.context(), serverVersion);
    }

    public ClusterInfo info() {
        return info;
    }

    /**
     * Keeps a list of one resource type live. {@code sink} first gets what is already known, then
     * coalesced batches, on a background thread; the caller moves them to its own thread. Views
     * showing the same list share one watch. Close the handle to stop.
     */
    public AutoCloseable watch(ResourceType type, String namespace, Consumer<Batch> sink) {
        String key = type.qualifiedPlural() + "@" + (type.namespaced() && namespace != null ? namespace : "");
        SharedWatch shared;
        boolean start = false;
        synchronized (watches) {
            shared = watches.get(key);
            if (shared == null) {
                shared = new SharedWatch(() -> {
                    synchronized (watches) {
                        watches.remove(key);
                    }
                });
                watches.put(key, shared);
                start = true;
            }
        }
        AutoCloseable subscription = shared.subscribe(sink);
        if (start) {
            SharedWatch target = shared;
            EventCoalescer coalescer = new EventCoalescer(target::apply);
            ResourceWatch watch = connection.watch(type, namespace, coalescer);
            ScheduledFuture<?> flushing = flusher.scheduleWithFixedDelay(coalescer::flush,
                    FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
            target.started(() -> {
                flushing.cancel(false);
                watch.close();
            });
        }
        return subscription;
    }

    /** The server's own table of a list, for kinds without columns of their own (custom resources). */
    public ServerTable serverTable(ResourceType type, String namespace) throws ProblemException {
        try {
            return connection.serverTable(type, namespace);
        } catch (Exception e) {
            throw new ProblemException(KubeFailures.toProblem(e, info.context().server()), e);
        }
    }

    public ResourceActions actions() {
        return actions;
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        connection.close();
    }
}

package dev.wheelhouse.service;

import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.kube.KubeFailures;
import dev.wheelhouse.kube.PodTunnel;
import dev.wheelhouse.kube.ResourceWatch;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.model.ResourceType;
import dev.wheelhouse.model.ServerTable;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** An open connection to one context. Closing it stops all its watches and frees its sockets and threads. */
public final class ClusterSession implements AutoCloseable {
    /** How long watch events gather before they are handed on together. */
    static final long FLUSH_INTERVAL_MS = 100;

    private final ClusterConnection connection;
    private final ClusterInfo info;
    private final ResourceActions actions;
    private final ApplyService apply;
    private final LogService logs;
    /** Guarded by itself, as are the subscriptions of each entry and {@link #closed}. */
    private final Map<WatchKey, Open> watches = new HashMap<>();
    private boolean closed;
    private final List<Runnable> onClose = new CopyOnWriteArrayList<>();
    /** Flushes every watch's events and delivers every snapshot and batch, one at a time, in order. */
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wheelhouse-batches");
        thread.setDaemon(true);
        return thread;
    });

    ClusterSession(ClusterConnection connection, String serverVersion, ReadOnlyMode readOnly) {
        this.connection = connection;
        this.actions = new ResourceActions(connection, readOnly);
        this.apply = new ApplyService(connection, readOnly);
        this.logs = new LogService(this, connection);
        this.info = new ClusterInfo(connection.context(), serverVersion);
    }

    public ClusterInfo info() {
        return info;
    }

    /**
     * Keeps a list of one resource type live. {@code sink} first gets what is already known, then
     * coalesced batches, in order, on a background thread; the caller moves them to its own thread. Views
     * showing the same list share one watch. Close the handle to stop.
     */
    public AutoCloseable watch(ResourceType type, String namespace, Consumer<Batch> sink) {
        return watch(type, namespace, ListSelector.ALL, sink);
    }

    /** As {@link #watch(ResourceType, String, Consumer)}, for the objects the selector picks (on the server). */
    public AutoCloseable watch(ResourceType type, String namespace, ListSelector selector, Consumer<Batch> sink) {
        return subscribe(new WatchKey(type, scope(type, namespace), selector, Shape.OBJECTS), sink);
    }

    /**
     * Keeps the table the server prints for {@code kubectl get -o wide} live, as {@link #watch} keeps objects:
     * each upsert is a row (the object's metadata, labels and owners included, and its printed cells, see
     * {@link dev.wheelhouse.model.KubeObject#cells()}), and every batch carries the columns. No other part of the
     * objects travels (a Secret's values stay on the server). Shared by views showing the same table.
     */
    public AutoCloseable watchTable(ResourceType type, String namespace, ListSelector selector, Consumer<Batch> sink) {
        return subscribe(new WatchKey(type, scope(type, namespace), selector, Shape.TABLE), sink);
    }

    private static String scope(ResourceType type, String namespace) {
        return type.namespaced() && namespace != null ? namespace : "";
    }

    private AutoCloseable subscribe(WatchKey key, Consumer<Batch> sink) {
        SharedWatch.Subscription subscription = new SharedWatch.Subscription(sink);
        Open open;
        // Looking up (or starting) and joining happen under one lock, as does leaving: a watch that lost its
        // last subscriber is out of the map before anyone can look it up again.
        synchronized (watches) {
            if (closed) {
                throw new IllegalStateException("The session to " + info.context().name() + " is closed");
            }
            open = watches.computeIfAbsent(key, this::start);
            open.subscriptions.add(subscription);
            open.shared.join(subscription);
        }
        AtomicBoolean left = new AtomicBoolean();
        return () -> {
            if (left.compareAndSet(false, true)) {
                leave(key, open, subscription);
            }
        };
    }

    private Open start(WatchKey key) {
        SharedWatch shared = new SharedWatch(flusher);
        EventCoalescer coalescer = new EventCoalescer(shared::apply, flusher);
        ResourceWatch watch = key.shape() == Shape.TABLE
                ? connection.watchTable(key.type(), key.namespace(), key.selector(), coalescer)
                : connection.watch(key.type(), key.namespace(), key.selector(), coalescer);
        ScheduledFuture<?> flushing = flusher.scheduleWithFixedDelay(coalescer::flush,
                FLUSH_INTERVAL_MS, FLUSH_INTERVAL_MS, TimeUnit.MILLISECONDS);
        return new Open(shared, () -> {
            flushing.cancel(false);
            watch.close();
        });
    }

    private void leave(WatchKey key, Open open, SharedWatch.Subscription subscription) {
        open.shared.leave(subscription);
        boolean last;
        synchronized (watches) {
            open.subscriptions.remove(subscription);
            last = open.subscriptions.isEmpty() && watches.remove(key, open);
        }
        if (last) {
            open.stop.run();
        }
    }

    /** How many shared watches are running; for tests that check none is left behind. */
    public int openWatchCount() {
        synchronized (watches) {
            return watches.size();
        }
    }

    /** How many of them watch one namespace; for tests whose other watches come and go meanwhile. */
    public int openWatchCount(String namespace) {
        synchronized (watches) {
            return (int) watches.keySet().stream().filter(key -> key.namespace().equals(namespace)).count();
        }
    }

    /** The server's table of a list, once: names for a search across kinds (live tables use {@link #watchTable}). */
    public ServerTable serverTable(ResourceType type, String namespace) throws ProblemException {
        try {
            return connection.serverTable(type, namespace);
        } catch (Exception e) {
            throw new ProblemException(KubeFailures.toProblem(e, info.context().server()), e);
        }
    }

    /** One connection to a pod's port through the API server, for a forward; see {@link PodTunnel}. */
    PodTunnel tunnel(String namespace, String pod, int port, OutputStream toLocal, PodTunnel.Traffic traffic, Runnable onEnd)
            throws ProblemException {
        try {
            return connection.tunnel(namespace, pod, port, toLocal, traffic, onEnd);
        } catch (Exception e) {
            Problem problem = KubeFailures.toProblem(e, info.context().server());
            if (problem.kind() == Problem.Kind.FORBIDDEN) {
                // The server's own words may stop at "is forbidden:" (the websocket's create check gives no reason).
                problem = new Problem(Problem.Kind.FORBIDDEN, "No access: forwarding to pod " + namespace + "/" + pod
                        + " needs RBAC to allow create and get on pods/portforward.", problem.detail());
            }
            throw new ProblemException(problem, e);
        }
    }

    /** The server's OpenAPI v3 index (group-version path to hashed document URL), for {@link dev.wheelhouse.service.schema.SchemaService}. */
    public Map<String, String> openApiIndex() throws ProblemException {
        try {
            return connection.openApiIndex();
        } catch (Exception e) {
            throw new ProblemException(KubeFailures.toProblem(e, info.context().server()), e);
        }
    }

    /** One OpenAPI v3 document of the index, as JSON text. */
    public String openApiDocument(String serverRelativeUrl) throws ProblemException {
        try {
            return connection.openApiDocument(serverRelativeUrl);
        } catch (Exception e) {
            throw new ProblemException(KubeFailures.toProblem(e, info.context().server()), e);
        }
    }

    public ResourceActions actions() {
        return actions;
    }

    public LogService logs() {
        return logs;
    }

    /** Runs {@code action} when this session closes (its context disconnected): forwards stop with it. */
    void onClose(Runnable action) {
        onClose.add(action);
    }

    /** Server-side apply, dry runs and fresh copies of objects for the editor. */
    public ApplyService apply() {
        return apply;
    }

    @Override
    public void close() {
        synchronized (watches) {
            closed = true;
            watches.clear();
        }
        onClose.forEach(Runnable::run);
        flusher.shutdownNow();
        connection.close();
    }

    /** Whole objects, or the server's printed rows of them. */
    private enum Shape { OBJECTS, TABLE }

    /** What identifies a shared watch: the same list, asked for the same way. */
    private record WatchKey(ResourceType type, String namespace, ListSelector selector, Shape shape) {
    }

    /** A running shared watch, who is subscribed to it, and how to stop it; equal only to itself. */
    private static final class Open {
        final SharedWatch shared;
        final Set<SharedWatch.Subscription> subscriptions = new HashSet<>();
        final Runnable stop;

        Open(SharedWatch shared, Runnable stop) {
            this.shared = shared;
            this.stop = stop;
        }
    }
}

package dev.wheelhouse.service;

import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.model.LogOptions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Live logs of pods and workloads on one cluster (see {@link LogTail}); from {@link ClusterSession#logs()}. */
public final class LogService {
    private final ClusterSession session;
    private final ClusterConnection connection;
    /** Tails not yet closed: a disconnected context ends them, or their threads would outlive the session. */
    private final Set<LogTail> open = ConcurrentHashMap.newKeySet();

    LogService(ClusterSession session, ClusterConnection connection) {
        this.session = session;
        this.connection = connection;
        session.onClose(() -> List.copyOf(open).forEach(tail -> tail.end("Context " + session.info().context().name()
                + " was disconnected; open the logs again once it is connected.")));
    }

    /**
     * Starts tailing; {@code sink} gets batches of lines and state on a background thread until the tail is
     * closed. Returns at once: pods are listed and logs opened in the background.
     */
    public LogTail tail(LogTarget target, LogOptions options, Consumer<LogBatch> sink) {
        LogTail tail = new LogTail(session, connection, target, options, sink, open::remove);
        open.add(tail);
        try {
            tail.start();
        } catch (IllegalStateException sessionClosed) {
            tail.end(sessionClosed.getMessage());
        }
        return tail;
    }

    /** How many log requests are open on this cluster; for tests that check none is left behind. */
    public int openStreamCount() {
        return connection.openLogStreamCount();
    }
}

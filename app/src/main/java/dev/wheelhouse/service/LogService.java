package dev.wheelhouse.service;

import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.model.LogOptions;
import java.util.function.Consumer;

/** Live logs of pods and workloads on one cluster (see {@link LogTail}); from {@link ClusterSession#logs()}. */
public final class LogService {
    private final ClusterSession session;
    private final ClusterConnection connection;

    LogService(ClusterSession session, ClusterConnection connection) {
        this.session = session;
        this.connection = connection;
    }

    /**
     * Starts tailing; {@code sink} gets batches of lines and state on a background thread until the tail is
     * closed. Returns at once: pods are listed and logs opened in the background.
     */
    public LogTail tail(LogTarget target, LogOptions options, Consumer<LogBatch> sink) {
        LogTail tail = new LogTail(session, connection, target, options, sink);
        tail.start();
        return tail;
    }

    /** How many log requests are open on this cluster; for tests that check none is left behind. */
    public int openStreamCount() {
        return connection.openLogStreamCount();
    }
}

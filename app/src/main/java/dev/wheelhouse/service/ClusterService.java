package dev.wheelhouse.service;

import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.kube.KubeFailures;
import dev.wheelhouse.kube.MergedKubeconfig;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.KubeconfigSummary;
import dev.wheelhouse.model.ProblemException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * The entry point to clusters: reads the kubeconfig files and opens sessions to their contexts.
 * Methods block (file and network I/O); the UI calls them through its background task helper.
 */
public final class ClusterService {
    /** Replaced whole (never changed in place) when a file is added, as the sandbox's is once started. */
    private volatile List<Path> files;
    private final Duration pluginTimeout;
    private final ReadOnlyMode readOnly = new ReadOnlyMode();
    private volatile MergedKubeconfig kubeconfig;

    public ClusterService(List<Path> files) {
        this(files, ClusterConnection.DEFAULT_PLUGIN_TIMEOUT);
    }

    /** @param pluginTimeout how long a credential plugin may run (a browser login takes a while); a setting */
    public ClusterService(List<Path> files, Duration pluginTimeout) {
        this.files = List.copyOf(files);
        this.pluginTimeout = pluginTimeout;
    }

    /** Classroom read-only mode for every session this service opens (now and later). */
    public ReadOnlyMode readOnly() {
        return readOnly;
    }

    /**
     * Reads {@code file} too from now on (after the others): the sandbox's kubeconfig once the app has started it.
     * Blocks (reads the file); returns the file's own current context.
     */
    public synchronized String addKubeconfig(Path file) {
        if (!files.contains(file)) {
            List<Path> more = new java.util.ArrayList<>(files);
            more.add(file);
            files = List.copyOf(more);
        }
        return MergedKubeconfig.load(List.of(file)).currentContext();
    }

    /** Calls {@code onChange} (on a background thread) whenever one of the kubeconfig files changes. */
    public AutoCloseable watchFiles(Runnable onChange) throws IOException {
        return KubeconfigWatcher.start(files, onChange);
    }

    /** Reads the kubeconfig files again; never writes them. */
    public KubeconfigSummary reload() {
        MergedKubeconfig merged = MergedKubeconfig.load(files);
        kubeconfig = merged;
        return new KubeconfigSummary(merged.files(), merged.contexts(), merged.currentContext(), merged.problems());
    }

    /**
     * Opens a session and checks that the server answers and accepts the credentials.
     *
     * @throws ProblemException with the reason, if the context cannot be used or reached
     */
    public ClusterSession connect(String contextName) throws ProblemException {
        return connect(contextName, step -> { });
    }

    /** Connects, telling {@code progress} what it is waiting for: a credential plugin, then the server. */
    public ClusterSession connect(String contextName, Consumer<String> progress) throws ProblemException {
        MergedKubeconfig merged = kubeconfig == null ? MergedKubeconfig.load(files) : kubeconfig;
        String server = merged.context(contextName).map(ContextInfo::server).orElse(contextName);
        ClusterConnection connection = null;
        try {
            connection = ClusterConnection.open(merged, contextName, progress, pluginTimeout);
            progress.accept("Asking " + server + " for its version…");
            String version = connection.serverVersion();
            return new ClusterSession(connection, version, readOnly);
        } catch (Exception e) {
            if (connection != null) {
                connection.close();
            }
            throw new ProblemException(KubeFailures.toProblem(e, server), e);
        }
    }
}

package dev.wheelhouse.ui.connection;

import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.cluster.ProblemHeadlines;
import dev.wheelhouse.ui.cluster.SandboxLaunch;
import dev.wheelhouse.ui.common.BackgroundTask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What the centre of the window says while there is no table to show: no context, connecting
 * (with what it waits for, and a way to cancel), why the connection failed (with Retry), or an
 * overview of the cluster. Pure: it reads the cluster model and composes sentences.
 */
public final class ConnectionViewModel {
    private final ClusterModel cluster;

    /** The pane's content: a title, lines of text, and which buttons to offer. */
    public record Content(String title, boolean problem, boolean busy, List<String> lines, String detail,
                          boolean canRetry, boolean canCancel) {
    }

    public ConnectionViewModel(ClusterModel cluster) {
        this.cluster = cluster;
    }

    public Content content() {
        ContextInfo context = cluster.activeContextProperty().get();
        return switch (cluster.stateProperty().get()) {
            case NO_CONTEXT -> new Content("No context", false, false, List.of(noContext(cluster.contexts().files())),
                    null, false, false);
            case CONNECTING -> {
                BackgroundTask task = cluster.connectingProperty().get();
                String waitingFor = task == null || task.messageProperty().get().isBlank()
                        ? "Connecting to " + context.name() + "…" : task.messageProperty().get();
                yield new Content("Connecting", false, true, List.of(waitingFor), null, false, task != null);
            }
            case FAILED -> failed(context, cluster.problemProperty().get());
            case CONNECTED -> overview(cluster.clusterProperty().get());
        };
    }

    /** Says which files were read: the user may have expected others (another KUBECONFIG, a shell's). */
    static String noContext(List<Path> files) {
        String where = files.isEmpty() ? "" : " in " + files.stream().map(Path::toString).collect(Collectors.joining(", "));
        return "No kubeconfig context was found" + where + ". Pass --kubeconfig FILE, set KUBECONFIG, or start the sandbox"
                + " with sandbox/up.";
    }

    private static Content failed(ContextInfo context, Problem problem) {
        if (problem == null) {
            return new Content("Not connected", true, false, List.of(), null, true, false);
        }
        List<String> lines = new ArrayList<>(List.of(problem.message()));
        String detail = problem.detail() != null && !problem.detail().isBlank() && !problem.detail().equals(problem.message())
                ? problem.detail() : null;
        lines.add("Context " + context.name() + (context.sourceFile() == null ? "" : " from " + context.sourceFile()));
        // Retry even a kubeconfig problem: it may lie in a file the kubeconfig names (a certificate, a token file),
        // which the kubeconfig's watcher does not follow.
        return new Content(ProblemHeadlines.of(problem), true, false, lines, detail, true, false);
    }

    private Content overview(ClusterInfo info) {
        if (info == null) {
            return new Content("Connected", false, false, List.of(), null, false, false);
        }
        int count = cluster.namespaces().size();
        return new Content(info.context().name(), false, false, List.of(
                info.context().server() + "  ·  Kubernetes " + info.serverVersion(),
                cluster.namespacesLoadedProperty().get() ? count + (count == 1 ? " namespace" : " namespaces") : "Loading namespaces…",
                "Choose a namespace on the left."), null, false, false);
    }

    /** With no context, or one that failed, the pane offers to start the sandbox (or says how to get it). */
    public boolean offersSandbox() {
        return switch (cluster.stateProperty().get()) {
            case NO_CONTEXT, FAILED -> true;
            case CONNECTING, CONNECTED -> false;
        };
    }

    public SandboxLaunch sandbox() {
        return cluster.sandbox();
    }

    public void retry() {
        cluster.retry();
    }

    public void cancel() {
        cluster.cancelConnect();
    }

    ClusterModel cluster() {
        return cluster;
    }
}

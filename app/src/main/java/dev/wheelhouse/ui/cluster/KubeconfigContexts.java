package dev.wheelhouse.ui.cluster;

import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.KubeconfigSummary;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Handles;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The contexts of the kubeconfig files, current first, and what is wrong with the files; followed as they change. */
public final class KubeconfigContexts {
    private final ClusterService clusters;
    private final BackgroundTasks tasks;
    private final ObservableList<ContextInfo> contexts = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private AutoCloseable fileWatch;
    private boolean closed;

    KubeconfigContexts(ClusterService clusters, BackgroundTasks tasks) {
        this.clusters = clusters;
        this.tasks = tasks;
    }

    /** Reads the files off the UI thread, then hands the summary on. */
    void load(Consumer<KubeconfigSummary> then) {
        tasks.run(clusters::reload, summary -> {
            loaded(summary);
            then.accept(summary);
        }, e -> problems.setAll(new Problem(Problem.Kind.BAD_CONFIG, "The kubeconfig could not be read.", e.getMessage())));
    }

    void loaded(KubeconfigSummary summary) {
        if (!contexts.equals(summary.currentFirst())) {
            contexts.setAll(summary.currentFirst());
        }
        problems.setAll(summary.problems());
        if (!files.equals(summary.files())) {
            files.setAll(summary.files());
        }
    }

    /** Follows the files: contexts added or removed there appear or disappear here. */
    void follow() {
        // Registering folders with the file system is I/O too: off the UI thread like the rest.
        tasks.run(() -> clusters.watchFiles(() -> tasks.run(clusters::reload, this::loaded,
                        e -> problems.setAll(new Problem(Problem.Kind.BAD_CONFIG, "The kubeconfig could not be read again.", "")))),
                handle -> {
                    if (closed) {
                        tasks.runInBackground(() -> Handles.closeQuietly(handle));
                    } else {
                        fileWatch = handle;
                    }
                },
                e -> problems.add(new Problem(Problem.Kind.BAD_CONFIG, "Changes to the kubeconfig files cannot be followed: "
                        + e.getMessage(), "")));
    }

    void close() {
        closed = true;
        AutoCloseable watch = fileWatch;
        fileWatch = null;
        tasks.runInBackground(() -> Handles.closeQuietly(watch));
    }

    public ObservableList<ContextInfo> list() {
        return contexts;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    /** The kubeconfig files read, in order (as kubectl chooses them; some may not exist). */
    public ObservableList<Path> files() {
        return files;
    }
}

package dev.wheelhouse.ui;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.KubeconfigSummary;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the main window: the contexts on offer, the one connected to, and its namespaces.
 * It does no I/O itself: blocking work goes through the {@link TaskRunner}, and every result
 * comes back on the runner's UI thread, tagged with the attempt it belongs to so that a late
 * answer from a context the user already left is dropped.
 */
public final class MainViewModel {
    private final ClusterService clusters;
    private final TaskRunner tasks;

    private final ObservableList<ContextInfo> contexts = FXCollections.observableArrayList();
    private final ObservableList<Problem> configProblems = FXCollections.observableArrayList();
    private final ObjectProperty<ContextInfo> activeContext = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.NO_CONTEXT);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<ClusterInfo> cluster = new SimpleObjectProperty<>();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final BooleanProperty namespacesLoaded = new SimpleBooleanProperty();
    private final ObjectProperty<Problem> namespacesProblem = new SimpleObjectProperty<>();

    private final Map<String, String> namespaceNamesByUid = new HashMap<>();
    private ClusterSession session;
    private AutoCloseable namespaceWatch;
    private long attempt;

    public MainViewModel(ClusterService clusters, TaskRunner tasks) {
        this.clusters = clusters;
        this.tasks = tasks;
    }

    /** Reads the kubeconfig files, then connects to {@code preferred}, or the current context. */
    public void start(String preferred) {
        tasks.run(clusters::reload, summary -> {
            contextsLoaded(summary);
            String target = preferred != null && !preferred.isBlank() ? preferred : summary.currentContext();
            if (target.isBlank() && !summary.contexts().isEmpty()) {
                target = summary.contexts().get(0).name();
            }
            if (!target.isBlank()) {
                connect(target);
            }
        }, e -> configProblems.setAll(new Problem(Problem.Kind.BAD_CONFIG, "The kubeconfig could not be read.", e.getMessage())));
    }

    void contextsLoaded(KubeconfigSummary summary) {
        contexts.setAll(summary.currentFirst());
        configProblems.setAll(summary.problems());
    }

    /** Leaves the current context (closing its watches) and connects to another, off the UI thread. */
    public void connect(String contextName) {
        long mine = ++attempt;
        leaveSession();
        ContextInfo target = contexts.stream().filter(c -> c.name().equals(contextName)).findFirst()
                .orElse(new ContextInfo(contextName, "", "", "", "", null));
        activeContext.set(target);
        // State first: views read the problem only while the state is FAILED.
        state.set(ConnectionState.CONNECTING);
        problem.set(null);
        cluster.set(null);
        tasks.run(() -> clusters.connect(contextName),
                opened -> connected(mine, opened),
                e -> failed(mine, e instanceof ProblemException p ? p.problem()
                        : new Problem(Problem.Kind.FAILED, String.valueOf(e.getMessage()), "")));
    }

    /** Tries the active context again. */
    public void retry() {
        if (activeContext.get() != null) {
            connect(activeContext.get().name());
        }
    }

    void connected(long forAttempt, ClusterSession opened) {
        if (forAttempt != attempt) {
            tasks.runInBackground(opened::close);
            return;
        }
        session = opened;
        cluster.set(opened.info());
        state.set(ConnectionState.CONNECTED);
        namespaceWatch = opened.watch(KindRegistry.NAMESPACE.type(), null,
                batch -> tasks.uiThread().execute(() -> namespacesChanged(forAttempt, batch)));
    }

    void failed(long forAttempt, Problem reason) {
        if (forAttempt != attempt) {
            return;
        }
        problem.set(reason);
        cluster.set(null);
        state.set(ConnectionState.FAILED);
    }

    void namespacesChanged(long forAttempt, Batch batch) {
        if (forAttempt != attempt) {
            return;
        }
        for (String uid : batch.deletedUids()) {
            String name = namespaceNamesByUid.remove(uid);
            namespaces.remove(name);
        }
        for (KubeObject ns : batch.upserts()) {
            if (namespaceNamesByUid.put(ns.uid(), ns.name()) == null) {
                int at = 0;
                while (at < namespaces.size() && namespaces.get(at).compareTo(ns.name()) < 0) {
                    at++;
                }
                namespaces.add(at, ns.name());
            }
        }
        if (batch.synced() || !batch.upserts().isEmpty()) {
            namespacesLoaded.set(true);
            namespacesProblem.set(null);
        }
        if (batch.problem() != null) {
            namespacesProblem.set(batch.problem());
        }
    }

    private void leaveSession() {
        namespaces.clear();
        namespaceNamesByUid.clear();
        namespacesLoaded.set(false);
        namespacesProblem.set(null);
        ClusterSession old = session;
        AutoCloseable oldWatch = namespaceWatch;
        session = null;
        namespaceWatch = null;
        if (old != null) {
            tasks.runInBackground(() -> {
                closeQuietly(oldWatch);
                old.close();
            });
        }
    }

    /** Closes the session; called when the window closes. */
    public void close() {
        attempt++;
        leaveSession();
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception ignored) {
            // Closing a watch only stops threads; nothing the user could act on.
        }
    }

    public ObservableList<ContextInfo> contexts() {
        return contexts;
    }

    public ObservableList<Problem> configProblems() {
        return configProblems;
    }

    public ReadOnlyObjectProperty<ContextInfo> activeContextProperty() {
        return activeContext;
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public ReadOnlyObjectProperty<ClusterInfo> clusterProperty() {
        return cluster;
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public BooleanProperty namespacesLoadedProperty() {
        return namespacesLoaded;
    }

    public ReadOnlyObjectProperty<Problem> namespacesProblemProperty() {
        return namespacesProblem;
    }

    boolean isActive(String contextName) {
        return activeContext.get() != null && Objects.equals(activeContext.get().name(), contextName);
    }
}

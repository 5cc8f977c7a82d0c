package dev.wheelhouse.ui;

import dev.wheelhouse.kinds.CustomKinds;
import dev.wheelhouse.kinds.KindDescriptor;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
    private final KindRegistry registry = new KindRegistry();
    private String shownNamespace;
    private String requestedNamespace;

    private final ObservableList<ContextInfo> contexts = FXCollections.observableArrayList();
    private final ObservableList<Problem> configProblems = FXCollections.observableArrayList();
    private final ObjectProperty<ContextInfo> activeContext = new SimpleObjectProperty<>();
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.NO_CONTEXT);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<ClusterInfo> cluster = new SimpleObjectProperty<>();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final BooleanProperty namespacesLoaded = new SimpleBooleanProperty();
    private final ObjectProperty<Problem> namespacesProblem = new SimpleObjectProperty<>();

    private final ObservableList<KindDescriptor> customKinds = FXCollections.observableArrayList();
    private final Map<String, KindDescriptor> customKindsByUid = new HashMap<>();
    private final ObjectProperty<String> selectedNamespace = new SimpleObjectProperty<>();
    private final StringProperty lastResult = new SimpleStringProperty("");
    private final BooleanProperty lastResultFailed = new SimpleBooleanProperty();
    private final ResourceTableViewModel table;
    private final DetailsViewModel details;

    private final Map<String, String> namespaceNamesByUid = new HashMap<>();
    private ClusterSession session;
    private AutoCloseable namespaceWatch;
    private AutoCloseable definitionsWatch;
    private AutoCloseable kubeconfigWatch;
    private boolean closed;
    private long attempt;

    public MainViewModel(ClusterService clusters, TaskRunner tasks) {
        this.clusters = clusters;
        this.tasks = tasks;
        this.table = new ResourceTableViewModel(tasks);
        this.details = new DetailsViewModel(tasks);
    }

    /** The namespace the window opens on, like kubectl's: the one asked for, else the context's own. */
    public String startNamespace() {
        if (requestedNamespace != null && !requestedNamespace.isBlank()) {
            return requestedNamespace;
        }
        return activeContext.get() == null ? "default" : activeContext.get().namespaceOrDefault();
    }

    /** Like {@code kubectl -n}: the namespace to open on. */
    public void requestNamespace(String namespace) {
        requestedNamespace = namespace;
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
        if (!contexts.equals(summary.currentFirst())) {
            contexts.setAll(summary.currentFirst());
        }
        configProblems.setAll(summary.problems());
    }

    /** Follows the kubeconfig files: contexts added or removed there appear or disappear here. */
    public void watchKubeconfigFiles() {
        // Registering folders with the file system is I/O too: off the UI thread like the rest.
        tasks.run(() -> clusters.watchFiles(() -> tasks.run(clusters::reload, this::contextsLoaded,
                        e -> configProblems.setAll(new Problem(Problem.Kind.BAD_CONFIG, "The kubeconfig could not be read again.", "")))),
                handle -> {
                    if (closed) {
                        tasks.runInBackground(() -> Handles.closeQuietly(handle));
                    } else {
                        kubeconfigWatch = handle;
                    }
                },
                e -> configProblems.add(new Problem(Problem.Kind.BAD_CONFIG, "Changes to the kubeconfig files cannot be followed: "
                        + e.getMessage(), "")));
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
        definitionsWatch = opened.watch(CustomKinds.DEFINITIONS.type(), null,
                batch -> tasks.uiThread().execute(() -> definitionsChanged(forAttempt, batch)));
    }

    /** CRDs come and go; their kinds appear under Custom Resources as soon as they are defined. */
    void definitionsChanged(long forAttempt, Batch batch) {
        if (forAttempt != attempt) {
            return;
        }
        batch.deletedUids().forEach(uid -> customKinds.remove(customKindsByUid.remove(uid)));
        for (KubeObject crd : batch.upserts()) {
            CustomKinds.fromDefinition(crd).ifPresent(kind -> {
                KindDescriptor old = customKindsByUid.put(crd.uid(), kind);
                if (old != null) {
                    customKinds.set(customKinds.indexOf(old), kind);
                } else {
                    customKinds.add(kind);
                }
            });
        }
        FXCollections.sort(customKinds, Comparator.comparing((KindDescriptor k) -> k.type().group()).thenComparing(KindDescriptor::kind));
    }

    /** Shows a kind's table; {@code namespace} null is all namespaces. */
    public void showKind(String namespace, KindDescriptor kind) {
        selectedNamespace.set(namespace);
        if (session == null) {
            return;
        }
        KindDescriptor current = table.kindProperty().get();
        if (current != kind || !Objects.equals(namespace, shownNamespace)) {
            shownNamespace = namespace;
            table.show(session, kind, namespace);
        }
    }

    /** Shows an object's details (and the table of its kind, if another kind was shown). */
    public void showObject(String namespace, KindDescriptor kind, KubeObject object) {
        showKind(namespace, kind);
        if (session != null) {
            details.show(session, kind, object);
        }
    }

    /** Follows a link in the details: shows the other object's kind and selects it once it is listed. */
    public void follow(String kind, String namespace, String name) {
        registry.findByKind(kind).ifPresent(target -> {
            String ns = target.type().namespaced() ? namespace : null;
            showKind(ns, target);
            table.filterProperty().set("");
            details.clear();
            table.wantedProperty().set(name);
        });
    }

    /** Live list for the navigator's tree, delivered on the UI thread; close it when the branch folds. */
    public AutoCloseable watch(KindDescriptor kind, String namespace, Consumer<Batch> onUiThread) {
        if (session == null) {
            return () -> { };
        }
        long mine = attempt;
        return session.watch(kind.type(), namespace, batch -> tasks.uiThread().execute(() -> {
            if (mine == attempt) {
                onUiThread.accept(batch);
            }
        }));
    }

    public void delete(KindDescriptor kind, KubeObject object) {
        act(s -> s.actions().delete(kind, object));
    }

    public void scale(KindDescriptor kind, KubeObject object, int replicas) {
        act(s -> s.actions().scale(kind, object, replicas));
    }

    public void restart(KindDescriptor kind, KubeObject object) {
        act(s -> s.actions().restart(kind, object));
    }

    public void setCordoned(KindDescriptor kind, KubeObject node, boolean cordoned) {
        act(s -> s.actions().setCordoned(kind, node, cordoned));
    }

    private void act(SessionAction action) {
        ClusterSession current = session;
        if (current == null) {
            return;
        }
        lastResult.set("Working…");
        lastResultFailed.set(false);
        tasks.run(() -> action.apply(current), message -> {
            lastResult.set(message);
            lastResultFailed.set(false);
        }, e -> {
            lastResult.set(ResourceTableViewModel.problemOf(e).message());
            lastResultFailed.set(true);
        });
    }

    @FunctionalInterface
    private interface SessionAction {
        String apply(ClusterSession session) throws Exception;
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
            // Without the right to list namespaces, the context's own namespace is still worth offering.
            ContextInfo context = activeContext.get();
            if (namespaces.isEmpty() && context != null) {
                namespaces.add(context.namespaceOrDefault());
            }
        }
    }

    private void leaveSession() {
        table.clear();
        details.clear();
        customKinds.clear();
        customKindsByUid.clear();
        shownNamespace = null;
        namespaces.clear();
        namespaceNamesByUid.clear();
        namespacesLoaded.set(false);
        namespacesProblem.set(null);
        ClusterSession old = session;
        AutoCloseable oldWatch = namespaceWatch;
        AutoCloseable oldDefinitions = definitionsWatch;
        session = null;
        namespaceWatch = null;
        definitionsWatch = null;
        if (old != null) {
            tasks.runInBackground(() -> {
                Handles.closeQuietly(oldWatch);
                Handles.closeQuietly(oldDefinitions);
                old.close();
            });
        }
    }

    /** Closes the session; called when the window closes. */
    public void close() {
        closed = true;
        attempt++;
        leaveSession();
        AutoCloseable watch = kubeconfigWatch;
        kubeconfigWatch = null;
        tasks.runInBackground(() -> Handles.closeQuietly(watch));
    }

    public ResourceTableViewModel table() {
        return table;
    }

    public DetailsViewModel details() {
        return details;
    }

    public KindRegistry registry() {
        return registry;
    }

    public ObservableList<KindDescriptor> customKinds() {
        return customKinds;
    }

    public ReadOnlyObjectProperty<String> selectedNamespaceProperty() {
        return selectedNamespace;
    }

    public StringProperty lastResultProperty() {
        return lastResult;
    }

    public BooleanProperty lastResultFailedProperty() {
        return lastResultFailed;
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

package dev.wheelhouse.ui.cluster;

import dev.wheelhouse.kinds.CustomKinds;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.ui.common.BackgroundTask;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Handles;
import dev.wheelhouse.ui.common.Problems;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One context the user connected to: its connection state, its session, and the namespaces and
 * custom kinds it watches. Several can be open at once, each with its own state; closing one leaves
 * the others alone. Results come back on the UI thread tagged with the attempt they belong to, so an
 * answer to an attempt the user gave up (retry, cancel, disconnect) is dropped.
 */
public final class ContextConnection {
    private final ClusterService clusters;
    private final BackgroundTasks tasks;
    private final ContextInfo context;

    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.NO_CONTEXT);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<ClusterInfo> cluster = new SimpleObjectProperty<>();
    private final ObjectProperty<BackgroundTask> connecting = new SimpleObjectProperty<>();
    private final ObjectProperty<ClusterSession> session = new SimpleObjectProperty<>();
    private final ObservableList<String> namespaces = FXCollections.observableArrayList();
    private final SimpleBooleanProperty namespacesLoaded = new SimpleBooleanProperty();
    private final ObjectProperty<Problem> namespacesProblem = new SimpleObjectProperty<>();
    private final ObservableList<KindDescriptor> customKinds = FXCollections.observableArrayList();

    private final Map<String, KindDescriptor> customKindsByUid = new HashMap<>();
    private final Map<String, String> namespaceNamesByUid = new HashMap<>();
    private AutoCloseable namespaceWatch;
    private AutoCloseable definitionsWatch;
    private long attempt;

    ContextConnection(ClusterService clusters, BackgroundTasks tasks, ContextInfo context) {
        this.clusters = clusters;
        this.tasks = tasks;
        this.context = context;
    }

    public ContextInfo context() {
        return context;
    }

    public String name() {
        return context.name();
    }

    /** Connects off the UI thread (again, after a failure); whatever this context had open is closed first. */
    public void connect() {
        long mine = ++attempt;
        leaveSession();
        // State first: views read the problem only while the state is FAILED.
        state.set(ConnectionState.CONNECTING);
        problem.set(null);
        cluster.set(null);
        BackgroundTask task = tasks.run(progress -> {
            progress.accept("Connecting to " + context.name() + (context.server().isBlank() ? "" : " at " + context.server()) + "…");
            return clusters.connect(context.name(), progress);
        }, opened -> connected(mine, opened), e -> failed(mine, Problems.of(e)));
        connecting.set(task);
    }

    /** Gives up a connection attempt that hangs (a credential plugin waiting for a browser login, say). */
    public void cancelConnect() {
        BackgroundTask task = connecting.get();
        if (task != null && task.cancel()) {
            failed(attempt, new Problem(Problem.Kind.FAILED, "Connecting was cancelled.", ""));
        }
    }

    void connected(long forAttempt, ClusterSession opened) {
        if (forAttempt != attempt) {
            tasks.runInBackground(opened::close);
            return;
        }
        connecting.set(null);
        session.set(opened);
        cluster.set(opened.info());
        state.set(ConnectionState.CONNECTED);
        namespaceWatch = watch(KindRegistry.NAMESPACE, null, batch -> namespacesChanged(forAttempt, batch));
        definitionsWatch = watch(CustomKinds.DEFINITIONS, null, batch -> definitionsChanged(forAttempt, batch));
    }

    void failed(long forAttempt, Problem reason) {
        if (forAttempt != attempt) {
            return;
        }
        connecting.set(null);
        problem.set(reason);
        cluster.set(null);
        state.set(ConnectionState.FAILED);
    }

    /**
     * Keeps a list live for a view, with batches delivered on the UI thread; the view closes the
     * handle when it detaches. A handle taken before a connection, or on a session left since, is inert.
     */
    public AutoCloseable watch(KindDescriptor kind, String namespace, Consumer<Batch> onUiThread) {
        ClusterSession current = session.get();
        if (current == null) {
            return () -> { };
        }
        long mine = attempt;
        return current.watch(kind.type(), namespace, batch -> tasks.uiThread().execute(() -> {
            if (mine == attempt) {
                onUiThread.accept(batch);
            }
        }));
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

    void namespacesChanged(long forAttempt, Batch batch) {
        if (forAttempt != attempt) {
            return;
        }
        for (String uid : batch.deletedUids()) {
            namespaces.remove(namespaceNamesByUid.remove(uid));
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
            if (namespaces.isEmpty()) {
                namespaces.add(context.namespaceOrDefault());
            }
        }
    }

    private void leaveSession() {
        BackgroundTask pending = connecting.get();
        if (pending != null) {
            pending.cancel();
            connecting.set(null);
        }
        customKinds.clear();
        customKindsByUid.clear();
        namespaces.clear();
        namespaceNamesByUid.clear();
        namespacesLoaded.set(false);
        namespacesProblem.set(null);
        ClusterSession old = session.get();
        AutoCloseable oldWatch = namespaceWatch;
        AutoCloseable oldDefinitions = definitionsWatch;
        session.set(null);
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

    /** Disconnects: closes the session and every watch on it. */
    void close() {
        attempt++;
        leaveSession();
        state.set(ConnectionState.NO_CONTEXT);
        problem.set(null);
        cluster.set(null);
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

    /** The connection attempt under way, with what it waits for; null when none is. */
    public ReadOnlyObjectProperty<BackgroundTask> connectingProperty() {
        return connecting;
    }

    /** The open session; null until connected. */
    public ReadOnlyObjectProperty<ClusterSession> sessionProperty() {
        return session;
    }

    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public ReadOnlyBooleanProperty namespacesLoadedProperty() {
        return namespacesLoaded;
    }

    public ReadOnlyObjectProperty<Problem> namespacesProblemProperty() {
        return namespacesProblem;
    }

    public ObservableList<KindDescriptor> customKinds() {
        return customKinds;
    }
}

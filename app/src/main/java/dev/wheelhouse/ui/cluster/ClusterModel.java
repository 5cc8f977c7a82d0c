package dev.wheelhouse.ui.cluster;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.ui.common.BackgroundTask;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ListProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleListProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * What every feature reads about the clusters: the kubeconfig's contexts, the ones connected now
 * (several at once, each with its own {@link ContextConnection}), and the active one — the context
 * the table, details and status bar are about. The active connection's state is mirrored here, so a
 * view that shows only the active context binds once and follows when another context becomes active.
 */
public final class ClusterModel {
    private final ClusterService clusters;
    private final BackgroundTasks tasks;
    private final KindRegistry registry = new KindRegistry();
    private final KubeconfigContexts contexts;
    private final ObservableMap<String, ContextConnection> connections = FXCollections.observableMap(new LinkedHashMap<>());
    /** One read-only view, kept: a view made per call listens to the map only weakly and goes with the garbage. */
    private final ObservableMap<String, ContextConnection> connectionsView = FXCollections.unmodifiableObservableMap(connections);
    private final ObjectProperty<ContextConnection> active = new SimpleObjectProperty<>();
    private boolean closed;

    private final ReadOnlyObjectWrapper<ContextInfo> activeContext = mirror(ContextConnection::context, null);
    private final ReadOnlyObjectWrapper<ConnectionState> state = mirrorProperty(ContextConnection::stateProperty, ConnectionState.NO_CONTEXT);
    private final ReadOnlyObjectWrapper<Problem> problem = mirrorProperty(ContextConnection::problemProperty, null);
    private final ReadOnlyObjectWrapper<ClusterInfo> cluster = mirrorProperty(ContextConnection::clusterProperty, null);
    private final ReadOnlyObjectWrapper<BackgroundTask> connecting = mirrorProperty(ContextConnection::connectingProperty, null);
    private final ReadOnlyObjectWrapper<ClusterSession> session = mirrorProperty(ContextConnection::sessionProperty, null);
    private final ReadOnlyObjectWrapper<Problem> namespacesProblem = mirrorProperty(ContextConnection::namespacesProblemProperty, null);
    private final ReadOnlyBooleanWrapper namespacesLoaded = new ReadOnlyBooleanWrapper();
    private final ListProperty<String> namespaces = new SimpleListProperty<>();
    private final ListProperty<KindDescriptor> customKinds = new SimpleListProperty<>();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final SandboxLaunch sandbox;

    public ClusterModel(ClusterService clusters, BackgroundTasks tasks) {
        this.clusters = clusters;
        this.tasks = tasks;
        this.contexts = new KubeconfigContexts(clusters, tasks);
        this.sandbox = new SandboxLaunch(tasks, this, dev.wheelhouse.service.SandboxStarter.find());
        namespacesLoaded.bind(active.flatMap(c -> c.namespacesLoadedProperty()).orElse(false));
        namespaces.bind(active.map(ContextConnection::namespaces).orElse(FXCollections.observableArrayList()));
        customKinds.bind(active.map(ContextConnection::customKinds).orElse(FXCollections.observableArrayList()));
        readOnly.subscribe(clusters.readOnly()::set);
    }

    /**
     * Classroom read-only mode (--read-only, or the setting classroom.read-only): every feature reads it here to grey
     * out what would change a cluster, and setting it sets the service's guard, which refuses such changes itself.
     */
    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    private <T> ReadOnlyObjectWrapper<T> mirror(Function<ContextConnection, T> value, T none) {
        ReadOnlyObjectWrapper<T> mirror = new ReadOnlyObjectWrapper<>();
        mirror.bind(active.map(value).orElse(none));
        return mirror;
    }

    private <T> ReadOnlyObjectWrapper<T> mirrorProperty(Function<ContextConnection, ObservableValue<T>> property, T none) {
        ReadOnlyObjectWrapper<T> mirror = new ReadOnlyObjectWrapper<>();
        mirror.bind(active.flatMap(property).orElse(none));
        return mirror;
    }

    /**
     * Reads the kubeconfig files, then connects to {@code preferred} (or the current context) and makes
     * it active; {@code alsoOpen} are connected beside it (the contexts open when the app last closed).
     */
    public void start(String preferred, List<String> alsoOpen) {
        contexts.load(summary -> {
            String target = preferred != null && !preferred.isBlank() ? preferred : summary.currentContext();
            if (target.isBlank() && !summary.contexts().isEmpty()) {
                target = summary.contexts().get(0).name();
            }
            if (closed) {
                return;
            }
            for (String other : alsoOpen) {
                if (!other.equals(target) && summary.contexts().stream().anyMatch(c -> c.name().equals(other))) {
                    open(other).connect();
                }
            }
            if (!target.isBlank()) {
                connect(target);
            }
        });
    }

    /** Reads one more kubeconfig file (the sandbox's, just started) and connects to its current context. */
    public void addKubeconfigAndConnect(java.nio.file.Path file) {
        tasks.run(() -> clusters.addKubeconfig(file), context -> contexts.load(summary -> connect(context)),
                e -> contexts.problems().add(new Problem(Problem.Kind.BAD_CONFIG, "The sandbox's kubeconfig could not be read.", e.getMessage())));
    }

    /** Starting the sandbox from the app, when no cluster answers. */
    public SandboxLaunch sandbox() {
        return sandbox;
    }

    /** Follows the kubeconfig files: contexts added or removed there appear or disappear here. */
    public void followKubeconfigFiles() {
        contexts.follow();
    }

    /**
     * Makes a context the active one, connecting it if it is not connected yet. Other connected
     * contexts stay connected and live.
     */
    public void connect(String contextName) {
        if (closed) {
            return;
        }
        ContextConnection connection = connections.get(contextName);
        if (connection == null) {
            connection = open(contextName);
            connection.connect();
        }
        active.set(connection);
    }

    private ContextConnection open(String contextName) {
        ContextInfo info = contexts.list().stream().filter(c -> c.name().equals(contextName)).findFirst()
                .orElse(new ContextInfo(contextName, "", "", "", "", null));
        ContextConnection connection = new ContextConnection(clusters, tasks, info);
        connections.put(contextName, connection);
        return connection;
    }

    /** Closes one context's session and watches; if it was active, another connected one becomes active. */
    public void disconnect(String contextName) {
        ContextConnection connection = connections.remove(contextName);
        if (connection == null) {
            return;
        }
        if (active.get() == connection) {
            active.set(connections.values().stream().findFirst().orElse(null));
        }
        connection.close();
    }

    /** Tries the active context again. */
    public void retry() {
        if (active.get() != null) {
            active.get().connect();
        }
    }

    /** Gives up the active context's connection attempt. */
    public void cancelConnect() {
        if (active.get() != null) {
            active.get().cancelConnect();
        }
    }

    /** Closes every session and stops following the files; called when the window closes. */
    public void close() {
        closed = true;
        List<ContextConnection> open = new ArrayList<>(connections.values());
        active.set(null);
        connections.clear();
        open.forEach(ContextConnection::close);
        contexts.close();
    }

    /** The namespace to open on, like kubectl's: the one asked for, else the active context's own. */
    public String namespaceToOpen(String requested) {
        if (requested != null && !requested.isBlank()) {
            return requested;
        }
        return activeContext.get() == null ? "default" : activeContext.get().namespaceOrDefault();
    }

    public boolean isActive(String contextName) {
        return active.get() != null && Objects.equals(active.get().name(), contextName);
    }

    /** The connection of a context, or null if it is not connected. */
    public ContextConnection connection(String contextName) {
        return connections.get(contextName);
    }

    /** Every connected context (connecting and failed ones too), in the order they were opened. */
    public ObservableMap<String, ContextConnection> connections() {
        return connectionsView;
    }

    /** The names of the contexts connected now, to open again next time. */
    public Collection<String> connectedNames() {
        return List.copyOf(connections.keySet());
    }

    public KindRegistry registry() {
        return registry;
    }

    public KubeconfigContexts contexts() {
        return contexts;
    }

    /** The active context's custom kinds. */
    public ObservableList<KindDescriptor> customKinds() {
        return customKinds;
    }

    public ReadOnlyObjectProperty<ContextInfo> activeContextProperty() {
        return activeContext.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ClusterInfo> clusterProperty() {
        return cluster.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BackgroundTask> connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** The active context's open session; null until connected. */
    public ReadOnlyObjectProperty<ClusterSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The active context's namespaces. */
    public ObservableList<String> namespaces() {
        return namespaces;
    }

    public ReadOnlyBooleanProperty namespacesLoadedProperty() {
        return namespacesLoaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Problem> namespacesProblemProperty() {
        return namespacesProblem.getReadOnlyProperty();
    }
}

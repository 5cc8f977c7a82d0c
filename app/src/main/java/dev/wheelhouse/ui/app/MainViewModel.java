package dev.wheelhouse.ui.app;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.actions.ActionsViewModel;
import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.RowActions;
import dev.wheelhouse.ui.common.Workspace;
import dev.wheelhouse.ui.connection.ConnectionViewModel;
import dev.wheelhouse.ui.details.DetailsViewModel;
import dev.wheelhouse.ui.navigator.NavigatorViewModel;
import dev.wheelhouse.ui.switcher.QuickSwitcherViewModel;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Composes the window's view models and is the {@link Workspace} through which they reach each
 * other: the navigator asks for a kind, the table for an object, the details for a linked object.
 */
public final class MainViewModel implements Workspace {
    private final BackgroundTasks tasks;
    private final ClusterModel cluster;
    private final ResourceTableViewModel table;
    private final DetailsViewModel details;
    private final ActionsViewModel actions;
    private final NavigatorViewModel navigator;
    private final ConnectionViewModel connection;
    private final StatusBarViewModel statusBar;
    private final QuickSwitcherViewModel switcher;
    private final RowActions rowActions = new RowActions();
    private final ObjectProperty<Place> place = new SimpleObjectProperty<>(Place.NOWHERE);
    private String requestedNamespace;

    public MainViewModel(ClusterService clusters, BackgroundTasks tasks) {
        this.tasks = tasks;
        this.cluster = new ClusterModel(clusters, tasks);
        this.table = new ResourceTableViewModel(tasks);
        this.details = new DetailsViewModel(tasks);
        this.actions = new ActionsViewModel(tasks, () -> cluster.sessionProperty().get());
        this.navigator = new NavigatorViewModel(cluster, this, () -> cluster.namespaceToOpen(requestedNamespace));
        this.connection = new ConnectionViewModel(cluster);
        this.statusBar = new StatusBarViewModel(cluster, this);
        this.switcher = new QuickSwitcherViewModel(new SwitcherCandidates(cluster, table, this),
                this, this::connectUnlessActive, tasks);
        // A new session (or none) invalidates what is shown: its watches belong to the old one.
        cluster.sessionProperty().addListener((obs, was, now) -> {
            table.clear();
            details.clear();
            place.set(Place.NOWHERE);
        });
    }

    /** Like {@code kubectl -n}: the namespace to open on. */
    public void requestNamespace(String namespace) {
        requestedNamespace = namespace;
    }

    /** Reads the kubeconfig files and connects to {@code context}, or the current one; then follows the files. */
    public void start(String context) {
        cluster.start(context);
    }

    public void followKubeconfigFiles() {
        cluster.followKubeconfigFiles();
    }

    private void connectUnlessActive(String context) {
        if (!cluster.isActive(context)) {
            cluster.connect(context);
        }
    }

    @Override
    public void showKind(String namespace, KindDescriptor kind) {
        if (cluster.sessionProperty().get() == null) {
            return;
        }
        Place now = place.get();
        if (now.kind() != kind || !Objects.equals(namespace, now.namespace())) {
            details.clear();
            table.show(cluster.sessionProperty().get(), kind, namespace);
            place.set(new Place(namespace, kind, null));
        }
    }

    @Override
    public void showObject(String namespace, KindDescriptor kind, KubeObject object) {
        showKind(namespace, kind);
        if (cluster.sessionProperty().get() != null) {
            details.show(cluster.sessionProperty().get(), kind, object);
            place.set(new Place(namespace, kind, object));
        }
    }

    @Override
    public void follow(String kind, String namespace, String name) {
        cluster.registry().findByKind(kind).ifPresent(target -> {
            String ns = target.type().namespaced() ? namespace : null;
            showKind(ns, target);
            table.filterProperty().set("");
            details.clear();
            place.set(new Place(ns, target, null));
            table.wantedProperty().set(name);
        });
    }

    @Override
    public ReadOnlyObjectProperty<Place> placeProperty() {
        return place;
    }

    /** Closes the session and stops following files; called when the window closes. */
    public void close() {
        table.clear();
        details.clear();
        cluster.close();
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public ClusterModel cluster() {
        return cluster;
    }

    public ResourceTableViewModel table() {
        return table;
    }

    public DetailsViewModel details() {
        return details;
    }

    public ActionsViewModel actions() {
        return actions;
    }

    public NavigatorViewModel navigator() {
        return navigator;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    public QuickSwitcherViewModel switcher() {
        return switcher;
    }

    public RowActions rowActions() {
        return rowActions;
    }
}

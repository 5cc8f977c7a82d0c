package dev.wheelhouse.ui.navigator;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.cluster.ContextConnection;
import dev.wheelhouse.ui.cluster.ProblemHeadlines;
import dev.wheelhouse.ui.common.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ObservableList;

/**
 * What the tree shows and what choosing a row does: connecting to a context, or asking the
 * workspace for a kind's table or an object. No I/O: lists come from the cluster model's watches.
 */
public final class NavigatorViewModel {
    private final ClusterModel cluster;
    private final Workspace workspace;
    private final Supplier<String> namespaceToOpen;
    private final Supplier<String> kindToOpen;

    /** A row under a connected context: a message, or a namespace (null for all namespaces). */
    public record ContextRow(String message, String namespace) {
        static ContextRow message(String text) {
            return new ContextRow(text, null);
        }

        static ContextRow namespace(String name) {
            return new ContextRow(null, name);
        }

        boolean isMessage() {
            return message != null;
        }
    }

    /**
     * @param namespaceToOpen the namespace to open once connected
     * @param kindToOpen      the kind (qualified plural) to open there, or null for the first of Workloads
     */
    public NavigatorViewModel(ClusterModel cluster, Workspace workspace, Supplier<String> namespaceToOpen, Supplier<String> kindToOpen) {
        this.cluster = cluster;
        this.workspace = workspace;
        this.namespaceToOpen = namespaceToOpen;
        this.kindToOpen = kindToOpen;
    }

    /** The kind to open in the start namespace: the remembered one if the registry knows it. */
    KindDescriptor kindToOpen() {
        String plural = kindToOpen.get();
        return plural == null ? null : cluster.registry().builtIn().stream()
                .filter(kind -> kind.type().qualifiedPlural().equals(plural)).findFirst().orElse(null);
    }

    /**
     * Choosing a context connects it (others stay connected) and makes it the active one; choosing a
     * kind or an object makes its context active first, so the table shows that context's objects.
     */
    void choose(NavItem item) {
        if (item.context() != null && !cluster.isActive(item.context())) {
            cluster.connect(item.context());
        }
        switch (item.type()) {
            case KIND -> workspace.showKind(item.namespace(), item.kind());
            case OBJECT -> workspace.showObject(item.namespace(), item.kind(), item.object());
            default -> { }
        }
    }

    /** Closes a context's connection; the others stay. */
    void disconnect(String context) {
        cluster.disconnect(context);
    }

    /** The rows under a context: nothing unless it is connected, then its state or its namespaces. */
    List<ContextRow> rowsOf(String context) {
        List<ContextRow> rows = new ArrayList<>();
        ContextConnection connection = cluster.connection(context);
        if (connection == null) {
            return rows;
        }
        switch (connection.stateProperty().get()) {
            case CONNECTING -> rows.add(ContextRow.message("Connecting…"));
            case FAILED -> rows.add(ContextRow.message(ProblemHeadlines.of(connection.problemProperty().get()) + ": see the details"));
            case CONNECTED -> {
                if (connection.namespacesProblemProperty().get() != null) {
                    rows.add(ContextRow.message(connection.namespacesProblemProperty().get().message()));
                } else if (!connection.namespacesLoadedProperty().get()) {
                    rows.add(ContextRow.message("Loading namespaces…"));
                } else {
                    rows.add(ContextRow.namespace(null));
                }
                connection.namespaces().forEach(ns -> rows.add(ContextRow.namespace(ns)));
            }
            default -> { }
        }
        return rows;
    }

    /**
     * The namespace to open at its first kind, once the active context's namespaces are known and
     * nothing is shown yet; else null.
     */
    String namespaceToOpenNow(ContextConnection connection) {
        // The connection's own properties: the active-context mirrors may not have heard the change yet.
        boolean namespacesKnown = connection.namespacesLoadedProperty().get() || connection.namespacesProblemProperty().get() != null;
        boolean nothingShown = workspace.placeProperty().get().kind() == null;
        return cluster.isActive(connection.name()) && connection.stateProperty().get() == ConnectionState.CONNECTED
                && namespacesKnown && nothingShown ? namespaceToOpen.get() : null;
    }

    /** Live list for a branch of {@code context}, delivered on the UI thread; closed when the branch is no longer open. */
    AutoCloseable watch(String context, KindDescriptor kind, String namespace, Consumer<Batch> onUiThread) {
        ContextConnection connection = cluster.connection(context);
        return connection == null ? () -> { } : connection.watch(kind, namespace, onUiThread);
    }

    /** The custom kinds of a connected context. */
    List<KindDescriptor> customKinds(String context) {
        ContextConnection connection = cluster.connection(context);
        return connection == null ? List.of() : connection.customKinds();
    }

    ObservableList<ContextInfo> contexts() {
        return cluster.contexts().list();
    }

    boolean isActive(String context) {
        return cluster.isActive(context);
    }

    KindRegistry registry() {
        return cluster.registry();
    }

    ClusterModel cluster() {
        return cluster;
    }

    Workspace workspace() {
        return workspace;
    }
}

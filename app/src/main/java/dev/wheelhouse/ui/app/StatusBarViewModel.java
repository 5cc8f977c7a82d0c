package dev.wheelhouse.ui.app;

import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.common.Workspace;

/** The status line's words: context, server, version, user and namespace; and the connection state. */
public final class StatusBarViewModel {
    private final ClusterModel cluster;
    private final Workspace workspace;

    StatusBarViewModel(ClusterModel cluster, Workspace workspace) {
        this.cluster = cluster;
        this.workspace = workspace;
    }

    public String where() {
        ContextInfo context = cluster.activeContextProperty().get();
        ClusterInfo info = cluster.clusterProperty().get();
        if (context == null) {
            return "No context";
        }
        Workspace.Place place = workspace.placeProperty().get();
        return String.join("  ·  ", context.name(), context.server(),
                info == null ? "version unknown" : info.serverVersion(),
                "user " + (context.user().isBlank() ? "none" : context.user()),
                place.kind() == null ? "namespace " + context.namespaceOrDefault()
                        : place.namespace() == null ? "all namespaces" : "namespace " + place.namespace());
    }

    public ConnectionState state() {
        return cluster.stateProperty().get();
    }

    ClusterModel cluster() {
        return cluster;
    }

    Workspace workspace() {
        return workspace;
    }
}

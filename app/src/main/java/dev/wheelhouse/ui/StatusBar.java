package dev.wheelhouse.ui;

import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ContextInfo;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Context, server, version, user, namespace and connection state, always in view. */
final class StatusBar extends HBox {
    private final MainViewModel model;
    private final Label where = new Label();
    private final Label state = new Label();

    StatusBar(MainViewModel model) {
        this.model = model;
        setId("status-bar");
        getStyleClass().add("status-bar");
        state.setId("connection-state");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().setAll(where, spacer, state);
        model.activeContextProperty().addListener((obs, was, now) -> refresh());
        model.clusterProperty().addListener((obs, was, now) -> refresh());
        model.stateProperty().addListener((obs, was, now) -> refresh());
        model.selectedNamespaceProperty().addListener((obs, was, now) -> refresh());
        model.table().kindProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        ContextInfo context = model.activeContextProperty().get();
        ClusterInfo cluster = model.clusterProperty().get();
        if (context == null) {
            where.setText("No context");
        } else {
            where.setText(String.join("  ·  ", context.name(), context.server(),
                    cluster == null ? "version unknown" : cluster.serverVersion(),
                    "user " + (context.user().isBlank() ? "none" : context.user()),
                    model.table().kindProperty().get() == null ? "namespace " + context.namespaceOrDefault()
                            : model.selectedNamespaceProperty().get() == null ? "all namespaces"
                            : "namespace " + model.selectedNamespaceProperty().get()));
        }
        ConnectionState now = model.stateProperty().get();
        state.setText(now.label());
        state.getStyleClass().removeIf(s -> s.startsWith("state-"));
        state.getStyleClass().add("state-" + now.name().toLowerCase());
    }
}

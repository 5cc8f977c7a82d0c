package dev.wheelhouse.ui.app;

import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.common.Lifecycle;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Subscription;

/** Context, server, version, user, namespace and connection state, always in view. */
final class StatusBarView extends HBox {
    private final StatusBarViewModel model;
    private final Label where = new Label();
    private final Label state = new Label();

    StatusBarView(StatusBarViewModel model) {
        this.model = model;
        setId("status-bar");
        getStyleClass().add("status-bar");
        state.setId("connection-state");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().setAll(where, spacer, state);
        Lifecycle.whileAttached(this, () -> Subscription.combine(
                model.cluster().activeContextProperty().subscribe(v -> refresh()),
                model.cluster().clusterProperty().subscribe(v -> refresh()),
                model.cluster().stateProperty().subscribe(v -> refresh()),
                model.workspace().placeProperty().subscribe(v -> refresh())));
    }

    private void refresh() {
        where.setText(model.where());
        ConnectionState now = model.state();
        state.setText(now.label());
        state.getStyleClass().removeIf(s -> s.startsWith("state-"));
        state.getStyleClass().add("state-" + now.name().toLowerCase());
    }
}

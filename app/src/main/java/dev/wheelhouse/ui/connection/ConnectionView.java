package dev.wheelhouse.ui.connection;

import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.common.Lifecycle;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The centre of the window while there is no object to show; see {@link ConnectionViewModel}. */
public final class ConnectionView extends VBox {
    private final ConnectionViewModel model;

    public ConnectionView(ConnectionViewModel model) {
        this.model = model;
        setId("connection-pane");
        getStyleClass().add("connection-pane");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        Lifecycle.whileAttached(this, () -> {
            ClusterModel cluster = model.cluster();
            InvalidationListener refresh = o -> refresh();
            cluster.namespaces().addListener(refresh);
            return Subscription.combine(
                    () -> cluster.namespaces().removeListener(refresh),
                    cluster.stateProperty().subscribe(v -> refresh()),
                    cluster.problemProperty().subscribe(v -> refresh()),
                    cluster.clusterProperty().subscribe(v -> refresh()),
                    cluster.namespacesLoadedProperty().subscribe(v -> refresh()),
                    cluster.connectingProperty().flatMap(task -> task.messageProperty()).subscribe(v -> refresh()));
        });
    }

    private void refresh() {
        ConnectionViewModel.Content content = model.content();
        getChildren().clear();
        if (content.busy()) {
            getChildren().add(new ProgressIndicator());
        }
        Label title = new Label(content.title());
        title.getStyleClass().add("pane-title");
        if (content.problem()) {
            title.getStyleClass().add("problem-title");
        }
        getChildren().add(title);
        for (int i = 0; i < content.lines().size(); i++) {
            Label line = text(content.lines().get(i));
            if (content.problem() && i == 0) {
                line.setId("problem-message");
            }
            getChildren().add(line);
        }
        if (content.detail() != null) {
            Label detail = text(content.detail());
            detail.getStyleClass().add("problem-detail");
            getChildren().add(1 + (content.lines().isEmpty() ? 0 : 1) + (content.busy() ? 1 : 0), detail);
        }
        if (content.canRetry()) {
            Button retry = new Button("Retry");
            retry.setId("retry");
            retry.setDefaultButton(true);
            retry.setOnAction(e -> model.retry());
            getChildren().add(retry);
        }
        if (content.canCancel()) {
            Button cancel = new Button("Cancel");
            cancel.setId("cancel-connect");
            cancel.setCancelButton(true);
            cancel.setOnAction(e -> model.cancel());
            getChildren().add(cancel);
        }
    }

    private static Label text(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("pane-text");
        return label;
    }
}

package dev.wheelhouse.ui.connection;

import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.cluster.SandboxLaunch;
import dev.wheelhouse.ui.common.Lifecycle;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The centre of the window while there is no object to show; see {@link ConnectionViewModel}. */
public final class ConnectionView extends VBox {
    /** The latest lines of the sandbox's progress shown; enough to see what it is doing now. */
    private static final int PROGRESS_LINES = 6;
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
            model.sandbox().lines().addListener(refresh);
            cluster.contexts().files().addListener(refresh);
            return Subscription.combine(
                    () -> cluster.namespaces().removeListener(refresh),
                    () -> cluster.contexts().files().removeListener(refresh),
                    () -> model.sandbox().lines().removeListener(refresh),
                    model.sandbox().startingProperty().subscribe(v -> refresh()),
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
        if (model.offersSandbox()) {
            getChildren().add(sandboxOffer(model.sandbox()));
        }
    }

    /** Start sandbox, or how to get it; with the last lines of its progress while it starts. */
    private static VBox sandboxOffer(SandboxLaunch sandbox) {
        VBox box = new VBox(8);
        box.setAlignment(Pos.CENTER);
        if (sandbox.available()) {
            box.getChildren().add(text("Or try Wheelhouse on the sandbox, a small cluster on this machine:"));
            Button start = new Button(sandbox.startingProperty().get() ? "Starting the sandbox…" : "Start sandbox");
            start.setId("start-sandbox");
            start.setDisable(sandbox.startingProperty().get());
            start.setOnAction(e -> sandbox.start());
            box.getChildren().add(start);
        } else {
            box.getChildren().add(text(sandbox.advice()));
        }
        List<String> lines = sandbox.lines();
        if (!lines.isEmpty()) {
            Label progress = text(String.join("\n", lines.subList(Math.max(0, lines.size() - PROGRESS_LINES), lines.size())));
            progress.setId("sandbox-progress");
            progress.getStyleClass().add("problem-detail");
            box.getChildren().add(progress);
        }
        return box;
    }

    private static Label text(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("pane-text");
        return label;
    }
}

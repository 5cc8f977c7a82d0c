package dev.wheelhouse.ui;

import dev.wheelhouse.model.ClusterInfo;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.Problem;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;

/**
 * The centre of the window while there is no object to show: connecting, connected (an overview),
 * or why the connection failed, with a retry button.
 */
final class ConnectionPane extends VBox {
    private final MainViewModel model;

    ConnectionPane(MainViewModel model) {
        this.model = model;
        setId("connection-pane");
        getStyleClass().add("connection-pane");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        model.stateProperty().addListener((obs, was, now) -> refresh());
        model.problemProperty().addListener((obs, was, now) -> refresh());
        model.namespaces().addListener((ListChangeListener<String>) c -> refresh());
        model.namespacesLoadedProperty().addListener((obs, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        ContextInfo context = model.activeContextProperty().get();
        switch (model.stateProperty().get()) {
            case NO_CONTEXT -> getChildren().setAll(title("No context"),
                    text("No kubeconfig context was found. Pass --kubeconfig FILE, set KUBECONFIG, or start the sandbox with sandbox/up."));
            case CONNECTING -> getChildren().setAll(new ProgressIndicator(),
                    text("Connecting to " + context.name() + (context.server().isBlank() ? "" : " at " + context.server()) + "…"));
            case FAILED -> {
                if (model.problemProperty().get() != null) {
                    showProblem(context, model.problemProperty().get());
                }
            }
            case CONNECTED -> {
                if (model.clusterProperty().get() != null) {
                    showOverview(model.clusterProperty().get());
                }
            }
            default -> getChildren().clear();
        }
    }

    private void showProblem(ContextInfo context, Problem problem) {
        Label heading = title(headline(problem));
        heading.getStyleClass().add("problem-title");
        Label message = text(problem.message());
        message.setId("problem-message");
        getChildren().setAll(heading, message);
        if (problem.detail() != null && !problem.detail().isBlank() && !problem.detail().equals(problem.message())) {
            Label detail = text(problem.detail());
            detail.getStyleClass().add("problem-detail");
            getChildren().add(detail);
        }
        getChildren().add(text("Context " + context.name() + (context.sourceFile() == null ? "" : " from " + context.sourceFile())));
        if (problem.retryable()) {
            Button retry = new Button("Retry");
            retry.setId("retry");
            retry.setDefaultButton(true);
            retry.setOnAction(e -> model.retry());
            getChildren().add(retry);
        }
    }

    private void showOverview(ClusterInfo cluster) {
        int count = model.namespaces().size();
        getChildren().setAll(title(cluster.context().name()),
                text(cluster.context().server() + "  ·  Kubernetes " + cluster.serverVersion()),
                text(model.namespacesLoadedProperty().get() ? count + (count == 1 ? " namespace" : " namespaces") : "Loading namespaces…"),
                text("Choose a namespace on the left."));
    }

    private static String headline(Problem problem) {
        return switch (problem.kind()) {
            case UNREACHABLE -> "Cluster not reachable";
            case TIMEOUT -> "Cluster too slow to answer";
            case UNAUTHORIZED -> "Credentials not accepted";
            case FORBIDDEN -> "No access";
            case BAD_CONFIG -> "Kubeconfig problem";
            case NOT_FOUND, FAILED -> "Could not connect";
        };
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("pane-title");
        return label;
    }

    private static Label text(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add("pane-text");
        return label;
    }
}

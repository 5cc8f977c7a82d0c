package dev.wheelhouse.ui;

import dev.wheelhouse.model.Problem;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The main window's content: config problems on top, navigator left, details centre, status bottom. */
public final class MainView extends BorderPane {

    public MainView(MainViewModel model) {
        setId("main-view");
        NavigatorView navigator = new NavigatorView(model);
        ConnectionPane connection = new ConnectionPane(model);
        SplitPane explorer = new SplitPane(new ResourceTableView(model), new DetailsView(model));
        explorer.setOrientation(Orientation.VERTICAL);
        explorer.setDividerPositions(0.6);
        StackPane centre = new StackPane(connection, explorer);
        // The table replaces the connection pane once there is a kind to show on a connected cluster.
        Runnable swap = () -> {
            boolean showTable = model.stateProperty().get() == ConnectionState.CONNECTED
                    && model.table().kindProperty().get() != null;
            explorer.setVisible(showTable);
            connection.setVisible(!showTable);
        };
        model.stateProperty().addListener((obs, was, now) -> swap.run());
        model.table().kindProperty().addListener((obs, was, now) -> swap.run());
        swap.run();
        SplitPane split = new SplitPane(navigator, centre);
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(navigator, false);
        setCenter(split);
        setBottom(new StatusBar(model));

        VBox banner = new VBox();
        banner.setId("config-problems");
        banner.getStyleClass().add("config-problems");
        model.configProblems().addListener((ListChangeListener<Problem>) change -> {
            banner.getChildren().clear();
            for (Problem problem : model.configProblems()) {
                Label line = new Label("Kubeconfig: " + problem.message());
                line.setWrapText(true);
                banner.getChildren().add(line);
            }
            setTop(banner.getChildren().isEmpty() ? null : banner);
        });
    }
}

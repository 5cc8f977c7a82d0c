package dev.wheelhouse.ui;

import dev.wheelhouse.model.Problem;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/** The main window's content: config problems on top, navigator left, details centre, status bottom. */
public final class MainView extends BorderPane {

    public MainView(MainViewModel model) {
        setId("main-view");
        NavigatorView navigator = new NavigatorView(model);
        SplitPane split = new SplitPane(navigator, new ConnectionPane(model));
        split.setDividerPositions(0.28);
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

package dev.wheelhouse.ui.app;

import dev.wheelhouse.service.Settings;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window's place and size and where its dividers stand, kept in the settings; a place on a
 * screen that is gone is ignored.
 */
final class WindowGeometry {
    private WindowGeometry() {
    }

    static void restore(Stage stage, Settings settings) {
        double width = settings.number("window.width", 0);
        double height = settings.number("window.height", 0);
        if (width >= 400 && height >= 300) {
            stage.setWidth(width);
            stage.setHeight(height);
            double x = settings.number("window.x", Double.NaN);
            double y = settings.number("window.y", Double.NaN);
            if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(new Rectangle2D(x, y, width, height)).isEmpty()) {
                stage.setX(x);
                stage.setY(y);
            }
        }
        stage.setMaximized(settings.flag("window.maximized", false));
        for (String split : SPLITS) {
            double position = settings.number("window." + split, Double.NaN);
            if (stage.getScene().lookup("#" + split) instanceof SplitPane pane && position > 0.05 && position < 0.95) {
                pane.setDividerPositions(position);
            }
        }
    }

    private static final String[] SPLITS = {"main-split", "explorer-split"};

    static void remember(Stage stage, SettingsKeeper settings) {
        for (String split : SPLITS) {
            if (stage.getScene().lookup("#" + split) instanceof SplitPane pane && !pane.getDividers().isEmpty()) {
                settings.set("window." + split, pane.getDividers().get(0).getPosition());
            }
        }
        settings.set("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.set("window.x", stage.getX());
            settings.set("window.y", stage.getY());
            settings.set("window.width", stage.getWidth());
            settings.set("window.height", stage.getHeight());
        }
    }
}

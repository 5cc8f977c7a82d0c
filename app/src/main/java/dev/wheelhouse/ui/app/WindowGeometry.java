package dev.wheelhouse.ui.app;

import dev.wheelhouse.service.Settings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The window's place and size, kept in the settings; a place on a screen that is gone is ignored. */
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
    }

    static void remember(Stage stage, SettingsKeeper settings) {
        settings.set("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            settings.set("window.x", stage.getX());
            settings.set("window.y", stage.getY());
            settings.set("window.width", stage.getWidth());
            settings.set("window.height", stage.getHeight());
        }
    }
}

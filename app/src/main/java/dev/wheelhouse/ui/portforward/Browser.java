package dev.wheelhouse.ui.portforward;

import dev.wheelhouse.ui.common.BackgroundTasks;
import java.awt.Desktop;
import java.io.IOException;
import java.net.URI;
import java.util.function.Consumer;

/** Opens a forward's URL in the user's browser, off the UI thread (the desktop's call may block). */
final class Browser {
    private Browser() {
    }

    static void open(BackgroundTasks tasks, String url, Consumer<String> onFailure) {
        tasks.run(() -> {
            if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(URI.create(url));
            } else {
                // Desktops AWT does not know (many Linux ones) still have xdg-open.
                new ProcessBuilder("xdg-open", url).inheritIO().start();
            }
            return url;
        }, opened -> { }, e -> onFailure.accept("Could not open a browser: " + (e instanceof IOException ? e.getMessage() : e)));
    }
}

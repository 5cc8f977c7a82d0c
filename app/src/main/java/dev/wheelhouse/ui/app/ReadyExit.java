package dev.wheelhouse.ui.app;

import java.time.Duration;
import java.time.Instant;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

/**
 * The {@code --exit-when-ready} option, for the start-up benchmark: once the window has laid out the
 * kubeconfig's contexts, prints {@code ready <ms>} (milliseconds since the process started, launcher
 * included) and quits.
 */
final class ReadyExit {
    private ReadyExit() {
    }

    static void whenContextsListed(MainViewModel model, Scene scene) {
        ObservableList<?> contexts = model.cluster().contexts().list();
        if (!contexts.isEmpty()) {
            exitAfterNextLayout(scene);
            return;
        }
        contexts.addListener(new ListChangeListener<Object>() {
            @Override
            public void onChanged(Change<?> change) {
                if (!contexts.isEmpty()) {
                    contexts.removeListener(this);
                    exitAfterNextLayout(scene);
                }
            }
        });
    }

    // The list changes before it is drawn: the next pulse's layout is the first to include the contexts.
    private static void exitAfterNextLayout(Scene scene) {
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                Instant started = ProcessHandle.current().info().startInstant().orElseThrow();
                System.out.println("ready " + Duration.between(started, Instant.now()).toMillis());
                Platform.exit();
            }
        });
        Platform.requestNextPulse();
    }
}

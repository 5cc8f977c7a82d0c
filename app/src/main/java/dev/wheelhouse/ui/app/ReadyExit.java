package dev.wheelhouse.ui.app;

import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Scene;

/**
 * The {@code --exit-when-ready} option, for the start-up benchmark: once the window has laid out the
 * kubeconfig's contexts, prints {@code ready <epoch ms>} (the wall clock, which the benchmark subtracts its
 * launch time from) and quits. The process's own start instant is no use for this: on Linux it derives from the
 * boot time in whole seconds and was measured up to 0.5 s off.
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
                System.out.println("ready " + System.currentTimeMillis());
                Platform.exit();
            }
        });
        Platform.requestNextPulse();
    }
}

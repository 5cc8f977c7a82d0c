package dev.wheelhouse.ui.common;

import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.util.Subscription;

/**
 * Bisq 2's rule for views: everything a view listens to or watches is registered when it is
 * attached to a window and released when it is detached. A view passes what it does on attach;
 * the returned subscriptions are undone on detach, so a closed view leaves no listener behind.
 */
public final class Lifecycle {
    private Lifecycle() {
    }

    /** Calls {@code attach} each time {@code view} enters a scene, and undoes what it returned when it leaves. */
    public static void whileAttached(Node view, Supplier<Subscription> attach) {
        Subscription[] current = {null};
        Runnable update = () -> {
            boolean attached = view.getScene() != null;
            if (attached && current[0] == null) {
                current[0] = attach.get();
            } else if (!attached && current[0] != null) {
                current[0].unsubscribe();
                current[0] = null;
            }
        };
        view.sceneProperty().subscribe(scene -> update.run());
    }

    /** An {@link AutoCloseable} handle (a watch) as a subscription, closed in the background. */
    public static Subscription closing(BackgroundTasks tasks, AutoCloseable handle) {
        return () -> tasks.runInBackground(() -> Handles.closeQuietly(handle));
    }
}

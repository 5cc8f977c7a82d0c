package dev.wheelhouse.ui.app;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * The {@code --snapshot} option: once the first connection has settled (namespaces shown, or a
 * problem), saves a PNG of the window and quits. Used for the README's picture and to check the
 * window on machines without a screen.
 */
final class WindowSnapshot {
    private static final Duration SETTLE = Duration.millis(700);
    private static final Duration GIVE_UP = Duration.seconds(90);

    private WindowSnapshot() {
    }

    static void whenSettled(MainViewModel model, Scene scene, Path file) {
        boolean[] taken = {false};
        Runnable take = () -> {
            if (taken[0]) {
                return;
            }
            taken[0] = true;
            PauseTransition pause = new PauseTransition(SETTLE);
            pause.setOnFinished(e -> save(scene.snapshot(null), file));
            pause.play();
        };
        InvalidationListener check = (Observable o) -> {
            ClusterModel cluster = model.cluster();
            ConnectionState state = cluster.stateProperty().get();
            boolean tableSettled = model.table().stateProperty().get() != ResourceTableViewModel.LoadState.LOADING;
            if (state == ConnectionState.FAILED
                    || (state == ConnectionState.CONNECTED && cluster.namespacesLoadedProperty().get() && tableSettled)) {
                take.run();
            }
        };
        model.cluster().stateProperty().addListener(check);
        model.cluster().namespacesLoadedProperty().addListener(check);
        model.table().stateProperty().addListener(check);
        PauseTransition timeout = new PauseTransition(GIVE_UP);
        timeout.setOnFinished(e -> take.run());
        timeout.play();
    }

    private static void save(WritableImage image, Path file) {
        BufferedImage picture = SwingFXUtils.fromFXImage(image, null);
        Thread writer = new Thread(() -> {
            try {
                Path parent = file.toAbsolutePath().getParent();
                Files.createDirectories(parent);
                ImageIO.write(picture, "png", file.toFile());
                System.out.println("Saved window snapshot to " + file);
            } catch (IOException e) {
                System.err.println("Could not save the snapshot to " + file + ": " + e.getMessage());
            }
            Platform.exit();
        }, "wheelhouse-snapshot");
        writer.start();
    }
}

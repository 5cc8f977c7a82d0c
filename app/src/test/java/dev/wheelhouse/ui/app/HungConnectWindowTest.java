package dev.wheelhouse.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.cluster.ConnectionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A credential plugin that never answers (one waiting for a browser login, say): the window says
 * what it waits for, and Cancel gives up on it, stopping the plugin, without freezing anything.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HungConnectWindowTest {
    @TempDir
    static Path dir;
    private MainViewModel model;
    private Path pidFile;

    @Start
    void start(Stage stage) throws Exception {
        pidFile = dir.resolve("plugin.pid");
        Path plugin = dir.resolve("wait-for-login");
        Files.writeString(plugin, "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 300\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: sso
                clusters:
                - name: far
                  cluster: {server: "https://127.0.0.1:9"}
                contexts:
                - name: sso
                  context: {cluster: far, user: sso-user}
                users:
                - name: sso-user
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1
                      command: %s
                      interactiveMode: Never
                """.formatted(plugin));
        model = Windows.open(stage, List.of(kubeconfig), null, null);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
    }

    @Test
    void theWindowSaysItWaitsForTheCredentialPluginAndCancelStopsIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#cancel-connect").tryQuery().isPresent()
                && robot.lookup(".pane-text").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().contains("credential plugin")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(pidFile) && !Files.readString(pidFile).isBlank());
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).contains(true);

        robot.clickOn("#cancel-connect");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.cluster().stateProperty().get() == ConnectionState.FAILED);
        // The window follows the state in the same FX event, which may still be running when the wait sees it.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.cluster().problemProperty().get().message()).isEqualTo("Connecting was cancelled.");
        assertThat(robot.lookup("#retry").tryQuery()).isPresent();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertThat(Optional.ofNullable(model.cluster().connectingProperty().get())).isEmpty();
    }
}

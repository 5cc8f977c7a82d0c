package dev.wheelhouse.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.cluster.ConnectionState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Nothing answers: the connection pane offers Start sandbox, which runs the repository's sandbox/up (here it finds
 * the sandbox already running, so it returns quickly) and connects to the context it printed.
 */
@Tag("ui")
@Tag("cluster")
@ExtendWith(ApplicationExtension.class)
class StartSandboxWindowTest {
    @TempDir
    static Path dir;
    private MainViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path kubeconfig = dir.resolve("config");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                current-context: nowhere
                clusters:
                - name: nowhere
                  cluster: {server: "https://127.0.0.1:9"}
                contexts:
                - name: nowhere
                  context: {cluster: nowhere, user: nobody}
                users:
                - name: nobody
                  user: {token: not-a-token}
                """);
        model = Windows.open(stage, List.of(kubeconfig), null, null);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
    }

    @Test
    void startSandboxRunsSandboxUpAndConnectsToIt(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.cluster().stateProperty().get() == ConnectionState.FAILED
                && robot.lookup("#start-sandbox").tryQuery().isPresent());

        robot.clickOn("#start-sandbox");

        WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, () -> model.cluster().stateProperty().get() == ConnectionState.CONNECTED);
        assertThat(model.cluster().activeContextProperty().get().name()).startsWith("kwok-");
        assertThat(model.cluster().sandbox().lines()).anyMatch(line -> line.contains("already running"))
                .last().isEqualTo("The sandbox is up; connecting to it.");
    }
}

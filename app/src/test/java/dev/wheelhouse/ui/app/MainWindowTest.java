package dev.wheelhouse.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.ui.navigator.NavItem;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.Windows;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless, on two kubeconfig files: the sandbox and a context nobody answers. */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private MainViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Path unreachable = Files.createTempFile("wheelhouse-unreachable", ".yaml");
        Files.writeString(unreachable, """
                apiVersion: v1
                kind: Config
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
        model = Windows.open(stage, List.of(Sandbox.kubeconfig(), unreachable), null, null);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
    }

    @Test
    void showsEveryContextAndTheSandboxNamespaces(FxRobot robot) throws Exception {
        TreeView<NavItem> tree = robot.lookup("#navigator").queryAs(TreeView.class);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> labels(tree).containsAll(List.of("dev", "prod")));

        assertThat(tree.getRoot().getChildren()).extracting(item -> item.getValue().label())
                .containsExactly(Sandbox.CONTEXT, "nowhere");
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText()).isEqualTo("Connected");
    }

    @Test
    void anUnreachableContextSaysWhyAndOffersRetry(FxRobot robot) throws Exception {
        // The window opens the sandbox's namespace by itself; wait for that, then choose the other context.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.table().kindProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TreeView<NavItem> tree = robot.lookup("#navigator").queryAs(TreeView.class);
        TreeItem<NavItem> nowhere = tree.getRoot().getChildren().stream()
                .filter(i -> i.getValue().label().equals("nowhere")).findFirst().orElseThrow();
        Windows.click(robot, tree, nowhere);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#retry").tryQuery().isPresent());

        assertThat(robot.lookup("#problem-message").queryAs(Label.class).getText()).isEqualTo("Nothing answers at https://127.0.0.1:9.");
        assertThat(robot.lookup("#connection-state").queryAs(Label.class).getText()).isEqualTo("Not connected");

        robot.clickOn(robot.lookup("#retry").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#retry").tryQuery().isPresent());

        TreeItem<NavItem> sandbox = tree.getRoot().getChildren().get(0);
        Windows.click(robot, tree, sandbox);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.cluster().namespaces().contains("dev"));
    }

    private static List<String> labels(TreeView<NavItem> tree) {
        return tree.getRoot().getChildren().stream().flatMap(c -> c.getChildren().stream())
                .map(TreeItem::getValue).map(NavItem::label).toList();
    }
}

package dev.wheelhouse.ui.switcher;

import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.app.MainViewModel;
import dev.wheelhouse.ui.table.ResourceRow;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The quick switcher as a user drives it, against the sandbox's namespace dev (only read): Ctrl+K,
 * a few letters of a pod's name, Enter, and the window shows that pod in the Pods table and its details.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class QuickSwitcherWindowTest {
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = Windows.open(stage, List.of(Sandbox.kubeconfig()), "dev", Sandbox.CONTEXT);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
    }

    @Test
    void partOfALoadedPodsNameOpensThatPod(FxRobot robot) throws Exception {
        String pod = frontendPod();
        waitUntil(() -> model.table().kindProperty().get() != null);
        robot.interact(() -> model.showKind("dev", Pods.DESCRIPTOR));
        waitUntil(() -> model.table().rows().stream().anyMatch(r -> r.name().equals(pod)));

        // Opened and closed again with Escape, nothing chosen.
        robot.push(KeyCode.CONTROL, KeyCode.K);
        waitUntil(() -> switcher(robot).isVisible());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !switcher(robot).isVisible());
        assertThat(model.details().objectProperty().get()).isNull();

        robot.push(KeyCode.CONTROL, KeyCode.K);
        waitUntil(() -> switcher(robot).isVisible());
        robot.write(suffix(pod));
        waitUntil(() -> topResult(robot).equals(pod));
        robot.type(KeyCode.ENTER);

        waitUntil(() -> !switcher(robot).isVisible());
        assertShows(robot, pod);
    }

    @Test
    void aPodNotLoadedIsFoundBySearchingAllKindsThenOpened(FxRobot robot) throws Exception {
        String pod = frontendPod();
        // The window opens on dev's Deployments: no pod is loaded.
        waitUntil(() -> model.table().kindProperty().get() == Deployments.DESCRIPTOR
                && model.table().stateProperty().get() == ResourceTableViewModel.LoadState.READY);

        robot.push(KeyCode.CONTROL, KeyCode.K);
        waitUntil(() -> switcher(robot).isVisible());
        robot.write(suffix(pod));
        waitUntil(() -> topResult(robot).equals("Search all kinds for '" + suffix(pod) + "'"));
        robot.type(KeyCode.ENTER);
        waitUntil(() -> topResult(robot).equals(pod));
        assertThat(model.table().kindProperty().get()).isEqualTo(Deployments.DESCRIPTOR);
        robot.type(KeyCode.ENTER);

        waitUntil(() -> !switcher(robot).isVisible());
        assertShows(robot, pod);
    }

    private void assertShows(FxRobot robot, String pod) throws Exception {
        waitUntil(() -> model.table().kindProperty().get() == Pods.DESCRIPTOR);
        TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
        waitUntil(() -> rows.getSelectionModel().getSelectedItem() != null
                && rows.getSelectionModel().getSelectedItem().name().equals(pod));
        waitUntil(() -> model.details().objectProperty().get() != null
                && model.details().objectProperty().get().name().equals(pod));
        assertThat(model.details().objectProperty().get().namespace()).isEqualTo("dev");
    }

    /** A running frontend pod's name, as kubectl lists it now (the ReplicaSet's hash changes with each rollout). */
    private static String frontendPod() {
        return Arrays.stream(kubectl("-n", "dev", "get", "pods", "-o", "name").split("\\R"))
                .map(line -> line.substring(line.indexOf('/') + 1))
                .filter(name -> name.startsWith("frontend-deployment-")).findFirst().orElseThrow();
    }

    /** The pod's random last part: a few letters only it has. */
    private static String suffix(String pod) {
        return pod.substring(pod.lastIndexOf('-') + 1);
    }

    private static Node switcher(FxRobot robot) {
        return robot.lookup("#quick-switcher").query();
    }

    private static String topResult(FxRobot robot) {
        ListView<SwitcherMatcher.Match<Candidate>> list = robot.lookup("#switcher-results").queryAs(ListView.class);
        return list.getItems().isEmpty() ? "" : list.getItems().get(0).item().name();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}

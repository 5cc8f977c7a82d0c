package dev.wheelhouse.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.service.ReadOnlyMode;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.table.ResourceRow;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
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
 * The learning tab as a user meets it, on the sandbox's seeded namespace lessons (only read): F2 opens it on the
 * selected Pod, which it explains; a link moves inside the panel and Back returns. Read-only mode greys out Delete.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LearningWindowTest {
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = Windows.open(stage, List.of(Sandbox.kubeconfig()), "lessons", Sandbox.CONTEXT);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
    }

    @Test
    void f2ExplainsTheSelectedPodAndLinksMoveInsideThePanel(FxRobot robot) throws Exception {
        waitUntil(() -> model.table().kindProperty().get() != null);
        robot.interact(() -> model.showKind("lessons", Pods.DESCRIPTOR));
        waitUntil(() -> model.table().rows().stream().anyMatch(r -> r.name().equals("unschedulable")));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
            rows.getItems().stream().filter(r -> r.name().equals("unschedulable")).findFirst().ifPresent(r -> rows.getSelectionModel().select(r));
        });
        waitUntil(() -> model.details().objectProperty().get() != null);

        robot.type(KeyCode.F2);

        waitUntil(() -> robot.lookup("#learning-words .learning-problem-title").tryQuery()
                .map(node -> ((Label) node).getText().equals("Pending: no node can take it")).orElse(false));
        assertThat(model.learning().entryProperty().get()).isEqualTo("kinds/pod.md");
        // The Example's YAML offers the editor (EditorWindowTest opens it).
        Button openExample = robot.lookup("#learning-text .open-example").queryButton();
        assertThat(openExample.isDisabled()).isFalse();
        Hyperlink link = robot.lookup("#learning-text .md-link").queryAs(Hyperlink.class);
        robot.interact(link::fire);
        assertThat(model.learning().entryProperty().get()).isNotEqualTo("kinds/pod.md");
        robot.clickOn("#learning-back");
        assertThat(model.learning().entryProperty().get()).isEqualTo("kinds/pod.md");
        // Choosing another object keeps the learning tab in front, on that object.
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
            rows.getItems().stream().filter(r -> r.name().equals("crashloop")).findFirst().ifPresent(r -> rows.getSelectionModel().select(r));
        });
        waitUntil(() -> robot.lookup("#learning-words .learning-problem-title").tryQuery()
                .map(node -> ((Label) node).getText().startsWith("CrashLoopBackOff")).orElse(false));

        robot.interact(() -> model.cluster().readOnlyProperty().set(true));
        Button delete = robot.lookup("#delete").queryButton();
        assertThat(delete.isDisabled()).isTrue();
        assertThat(delete.getTooltip().getText()).isEqualTo(ReadOnlyMode.REASON);
        Node badge = robot.lookup("#read-only-mode").query();
        assertThat(badge.isVisible()).isTrue();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}

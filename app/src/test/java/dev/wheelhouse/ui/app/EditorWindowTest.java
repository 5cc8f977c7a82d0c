package dev.wheelhouse.ui.app;

import static dev.wheelhouse.testing.Sandbox.eventually;
import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.PrintedColumn;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.table.ResourceRow;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The YAML editor as a user meets it, on the sandbox: E on a Deployment's row opens its YAML, typing a
 * new replica count and Apply (then Force, as kubectl create owns the field) scale it (kubectl and the
 * table's row agree); a learning text's example opens as a new editor tab, which loads the cluster's schema.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class EditorWindowTest {
    @RegisterExtension
    static final SandboxNamespace NAMESPACE = new SandboxNamespace("editor-window-test");
    private static final String NS = NAMESPACE.name();
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        model = Windows.open(stage, List.of(Sandbox.kubeconfig()), NS, Sandbox.CONTEXT);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
    }

    @Test
    void eOnADeploymentEditsItsReplicasAndApplyScalesIt(FxRobot robot) throws Exception {
        waitUntil(() -> model.table().kindProperty().get() != null && model.table().stateProperty().get()
                == ResourceTableViewModel.LoadState.READY);
        kubectl("-n", NS, "create", "deployment", "shop", "--image=wheelhouse/shop:1", "--replicas=1");
        waitUntil(() -> row("shop").map(r -> cell(r, "Ready").equals("1/1")).orElse(false));

        selectRow(robot, "shop");
        robot.type(KeyCode.E);
        waitUntil(() -> editorArea(robot).map(a -> a.getText().contains("\n  replicas: 1\n")).orElse(false));
        CodeArea area = editorArea(robot).orElseThrow();

        // Select the spec's replica count and type over it, as a user would.
        robot.interact(() -> {
            String text = area.getText();
            int at = text.indexOf("\n  replicas: 1\n", text.indexOf("\nspec:\n")) + "\n  replicas: ".length();
            area.requestFocus();
            area.selectRange(at, at + 1);
        });
        robot.write("3");
        assertThat(area.getText()).contains("\n  replicas: 3\n");
        robot.clickOn(robot.lookup("#apply").match((Button b) -> b.isVisible()).queryButton());

        // kubectl create set the replica count, so it owns the field: the server names it, and Force takes it over.
        waitUntil(() -> robot.lookup("#editor-message").queryAs(Label.class).getText().contains("kubectl-create"));
        assertThat(kubectl("-n", NS, "get", "deployment", "shop", "-o", "jsonpath={.spec.replicas}")).isEqualTo("1");
        waitUntil(() -> robot.lookup("#force-apply").queryButton().isVisible());
        robot.clickOn("#force-apply");
        assertThat(eventually(Duration.ofSeconds(20), () -> kubectl("-n", NS, "get", "deployment", "shop",
                "-o", "jsonpath={.spec.replicas}").equals("3"))).isTrue();
        waitUntil(() -> robot.lookup("#editor-message").queryAs(Label.class).getText().contains("shop"));
        assertThat(robot.lookup("#editor-message").queryAs(Label.class).getStyleClass()).doesNotContain("failed");
        // The table's row follows: three Pods up to date and ready.
        waitUntil(() -> row("shop").map(r -> cell(r, "Up-to-date").equals("3") && cell(r, "Ready").equals("3/3")).orElse(false));
    }

    @Test
    void aLearningTextsExampleOpensInANewEditorTab(FxRobot robot) throws Exception {
        waitUntil(() -> model.table().kindProperty().get() != null && model.table().stateProperty().get()
                == ResourceTableViewModel.LoadState.READY);
        kubectl("-n", NS, "create", "deployment", "lesson", "--image=wheelhouse/shop:1");
        selectRow(robot, "lesson");
        robot.type(KeyCode.F2);
        waitUntil(() -> robot.lookup("#learning-text .open-example").tryQuery().isPresent());
        assertThat(model.learning().entryProperty().get()).isEqualTo("kinds/deployment.md");
        // No tab yet: the cluster's schema is not loaded at connect, only once a tab wants it.
        assertThat(model.editors().schemaWantedProperty().get()).isFalse();
        assertThat(model.editors().schemaProperty().get()).isNull();

        // The example's button sits below the fold of the learning pane; firing it is what a click after scrolling does.
        Button openExample = robot.lookup("#learning-text .open-example").queryButton();
        robot.interact(openExample::fire);

        // A new, unsaved manifest: the example's Deployment, not an object of the cluster.
        waitUntil(() -> editorArea(robot).map(a -> a.getText().contains("kind: Deployment")).orElse(false));
        String text = editorArea(robot).orElseThrow().getText();
        assertThat(text).doesNotContain("resourceVersion").doesNotContain("lesson");
        assertThat(robot.lookup(".tab-label").match(LabeledMatchers.hasText("New deployment")).tryQuery()).isPresent();
        waitUntil(() -> model.editors().schemaProperty().get() != null);
    }

    /** Selects the row and gives the table the keyboard, as clicking it does. */
    private void selectRow(FxRobot robot, String name) throws Exception {
        waitUntil(() -> row(name).isPresent());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
            rows.getItems().stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(r -> rows.getSelectionModel().select(r));
            rows.requestFocus();
        });
        waitUntil(() -> model.placeProperty().get().object() != null && model.placeProperty().get().object().name().equals(name));
    }

    /** The editor tab's code area on screen, if one is. */
    private static Optional<CodeArea> editorArea(FxRobot robot) {
        return robot.lookup("#yaml-area").queryAllAs(CodeArea.class).stream().filter(a -> a.getScene() != null && a.isVisible()
                && a.getParent() != null && a.localToScene(a.getBoundsInLocal()).getWidth() > 0).findFirst();
    }

    private Optional<ResourceRow> row(String name) {
        return model.table().rows().stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private String cell(ResourceRow row, String column) {
        List<PrintedColumn> columns = model.table().columnsProperty().get();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i < row.cells().size() ? row.cells().get(i) : "";
            }
        }
        throw new AssertionError("no column " + column + " in " + columns);
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(40, TimeUnit.SECONDS, condition);
    }
}

package dev.wheelhouse.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.kinds.builtin.Services;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.SettingsStore;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.table.ResourceRow;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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

/** The window as a place one moves around in: back and forward, and what it remembers across a restart. */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class WorkspaceWindowTest {
    @TempDir
    Path configDir;
    private Stage stage;
    private MainViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private MainViewModel open(SettingsStore store) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            SettingsKeeper keeper = new SettingsKeeper(store, store.load().settings(), problem -> { });
            model = new MainViewModel(new ClusterService(List.of(Sandbox.kubeconfig())), BackgroundTasks.forJavaFx(), keeper);
            stage.setScene(WheelhouseApp.createScene(model));
            stage.show();
            model.start(Sandbox.CONTEXT);
            return model;
        }).get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        if (model != null) {
            WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void backAndForwardReturnToWhatWasViewed(FxRobot robot) throws Exception {
        open(new SettingsStore(configDir.resolve("settings.yaml")));
        // The sandbox context opens on its namespace dev, at Deployments.
        waitUntil(() -> model.placeProperty().get().kind() == Deployments.DESCRIPTOR);
        robot.interact(() -> model.showKind("dev", Pods.DESCRIPTOR));
        waitUntil(() -> model.table().stateProperty().get() == ResourceTableViewModel.LoadState.READY && !model.table().rows().isEmpty());
        TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
        robot.interact(() -> rows.getSelectionModel().select(0));
        String pod = rows.getSelectionModel().getSelectedItem().name();
        waitUntil(() -> model.placeProperty().get().object() != null);

        robot.push(KeyCode.ALT, KeyCode.LEFT);
        waitUntil(() -> model.placeProperty().get().kind() == Pods.DESCRIPTOR && model.placeProperty().get().object() == null);
        robot.push(KeyCode.ALT, KeyCode.LEFT);
        waitUntil(() -> model.placeProperty().get().kind() == Deployments.DESCRIPTOR);
        assertThat(model.placeProperty().get().namespace()).isEqualTo("dev");

        robot.clickOn("#forward").clickOn("#forward");
        waitUntil(() -> model.placeProperty().get().object() != null && model.placeProperty().get().object().name().equals(pod));
        waitUntil(() -> model.details().objectProperty().get() != null && model.details().objectProperty().get().name().equals(pod));
        assertThat(model.canGoForwardProperty().get()).isFalse();
    }

    @Test
    void themeTextSizeAndTheLastKindShownSurviveARestart(FxRobot robot) throws Exception {
        SettingsStore store = new SettingsStore(configDir.resolve("settings.yaml"));
        open(store);
        waitUntil(() -> model.placeProperty().get().kind() != null);
        boolean wasDark = model.appearance().darkProperty().get();
        int size = model.appearance().fontSizeProperty().get();
        robot.interact(() -> model.showKind("prod", Services.DESCRIPTOR));
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).push(KeyCode.CONTROL, KeyCode.EQUALS);
        waitUntil(() -> model.appearance().fontSizeProperty().get() == size + 1);
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
        // Closing disconnects everything, yet what was open when closing is what opens next time.
        assertThat(store.load().settings().list("contexts.open")).isEqualTo(List.of(Sandbox.CONTEXT));

        MainViewModel again = open(store);

        waitUntil(() -> again.placeProperty().get().kind() != null);
        assertThat(again.placeProperty().get().kind()).isEqualTo(Services.DESCRIPTOR);
        assertThat(again.placeProperty().get().namespace()).isEqualTo("prod");
        assertThat(again.appearance().darkProperty().get()).isEqualTo(!wasDark);
        assertThat(again.appearance().fontSizeProperty().get()).isEqualTo(size + 1);
        assertThat(robot.lookup("#main-view").query().getStyle()).contains("-fx-font-size: " + (size + 1) + "px");
    }

    @Test
    void closingTheDetailsTabStopsItsWatchesAndReopeningResumesThem(FxRobot robot) throws Exception {
        open(new SettingsStore(configDir.resolve("settings.yaml")));
        waitUntil(() -> model.placeProperty().get().kind() == Deployments.DESCRIPTOR && !model.table().rows().isEmpty());
        TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
        robot.interact(() -> rows.getSelectionModel().select(0));
        waitUntil(() -> model.details().openWatches() > 0);

        TabPane tabs = robot.lookup("#workspace-tabs").queryAs(TabPane.class);
        robot.interact(() -> {
            Tab details = tabs.getTabs().get(0);
            tabs.getTabs().remove(details);
            details.getOnClosed().handle(null);
        });
        assertThat(model.details().openWatches()).as("a closed tab watches nothing").isZero();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        waitUntil(() -> tabs.getTabs().size() == 1 && model.details().openWatches() > 0);
        assertThat(tabs.getTabs().get(0).getText()).isEqualTo("Details");
    }

    @Test
    void agesTickWithoutAnyChangeToTheObjects(FxRobot robot) throws Exception {
        String name = "ticking-" + System.nanoTime();
        Sandbox.kubectl("-n", "dev", "create", "configmap", name);
        try {
            open(new SettingsStore(configDir.resolve("settings.yaml")));
            waitUntil(() -> model.placeProperty().get().kind() != null);
            robot.interact(() -> model.showKind("dev", ConfigMaps.DESCRIPTOR));
            waitUntil(() -> ageCell(robot, name).isPresent());
            String before = ageCell(robot, name).orElseThrow();
            // Young objects show seconds; with no event for it, the cell still moves on.
            waitUntil(() -> !ageCell(robot, name).orElse(before).equals(before));
            assertThat(ageCell(robot, name).orElseThrow()).endsWith("s");
        } finally {
            Sandbox.kubectlResult("-n", "dev", "delete", "configmap", name);
        }
    }

    @Test
    void aRevealedSecretValueStaysRevealedWhileTheSecretChanges(FxRobot robot) throws Exception {
        open(new SettingsStore(configDir.resolve("settings.yaml")));
        waitUntil(() -> model.placeProperty().get().kind() != null);
        robot.interact(() -> model.follow("Secret", "dev", "mysecrets"));
        waitUntil(() -> robot.lookup(".reveal").tryQuery().isPresent());
        Button reveal = robot.lookup(".reveal").queryButton();
        robot.interact(reveal::fire);
        waitUntil(() -> !robot.lookup(".secret-value").queryAs(Label.class).getText().startsWith("••"));
        String revealed = robot.lookup(".secret-value").queryAs(Label.class).getText();

        String stamp = String.valueOf(System.nanoTime());
        Sandbox.kubectl("-n", "dev", "label", "secret", "mysecrets", "touched=" + stamp, "--overwrite");
        waitUntil(() -> stamp.equals(model.details().objectProperty().get().labels().get("touched")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup(".secret-value").queryAs(Label.class).getText()).isEqualTo(revealed);
    }

    private static java.util.Optional<String> ageCell(FxRobot robot, String name) {
        TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
        int ageColumn = -1;
        for (int i = 0; i < rows.getColumns().size(); i++) {
            if (rows.getColumns().get(i).getText().equals("Age")) {
                ageColumn = i;
            }
        }
        if (ageColumn < 0) {
            return java.util.Optional.empty();
        }
        int column = ageColumn;
        return robot.lookup("#rows .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class).stream()
                .filter(row -> row.getItem() instanceof ResourceRow r && r.name().equals(name))
                .map(row -> ((javafx.scene.control.TableRow<?>) row).getChildrenUnmodifiable().get(column))
                .map(cell -> ((javafx.scene.control.Labeled) cell).getText()).findFirst();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}

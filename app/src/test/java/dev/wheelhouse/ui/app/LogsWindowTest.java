package dev.wheelhouse.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.testing.LiveThreads;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.table.ResourceRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * L on a Deployment opens its merged logs in a tab; search marks matches; closing the tab cancels every log
 * request at once and leaves no log thread. WHEELHOUSE_LOGS_SNAPSHOT=file.png keeps a picture of the tab.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LogsWindowTest {
    private MainViewModel model;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        model = Windows.open(stage, List.of(Sandbox.kubeconfig()), "dev", Sandbox.CONTEXT);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
    }

    @Test
    void theToolbarsLogsButtonOpensTheSelectedWorkloadsLogsAndIsOffWithoutASelection(FxRobot robot) throws Exception {
        waitUntil(() -> model.placeProperty().get().kind() == Deployments.DESCRIPTOR && !model.table().rows().isEmpty());
        Button logs = robot.lookup("#row-action-logs").queryButton();
        Button yaml = robot.lookup("#row-action-edit-yaml").queryButton();
        assertThat(logs.isDisabled()).as("nothing selected").isTrue();
        assertThat(yaml.isDisabled()).as("nothing selected").isTrue();
        @SuppressWarnings("unchecked")
        TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
        robot.interact(() -> rows.getItems().stream().filter(r -> r.name().equals("backend-deployment")).findFirst()
                .ifPresent(r -> rows.getSelectionModel().select(r)));
        waitUntil(() -> !logs.isDisabled() && !yaml.isDisabled());

        robot.clickOn(logs);
        TabPane tabs = robot.lookup("#workspace-tabs").queryAs(TabPane.class);
        String id = "logs:" + Sandbox.CONTEXT + "/dev/Deployment/backend-deployment";
        waitUntil(() -> tabs.getTabs().stream().anyMatch(t -> id.equals(t.getId())));
    }

    @Test
    void keyLOpensADeploymentsMergedLogsAndClosingTheTabEndsEveryRequestAndThread(FxRobot robot) throws Exception {
        waitUntil(() -> model.placeProperty().get().kind() == Deployments.DESCRIPTOR && !model.table().rows().isEmpty());
        ClusterSession session = model.cluster().sessionProperty().get();
        @SuppressWarnings("unchecked")
        TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
        robot.interact(() -> {
            rows.getItems().stream().filter(r -> r.name().equals("frontend-deployment")).findFirst()
                    .ifPresent(r -> rows.getSelectionModel().select(r));
            rows.requestFocus();
        });
        waitUntil(() -> model.placeProperty().get().object() != null);
        // The details of the selection open their own watches first.
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        int watchesBefore = session.openWatchCount();
        Set<String> threadsBefore = LiveThreads.named("wheelhouse-log-");
        robot.type(KeyCode.L);

        TabPane tabs = robot.lookup("#workspace-tabs").queryAs(TabPane.class);
        String id = "logs:" + Sandbox.CONTEXT + "/dev/Deployment/frontend-deployment";
        waitUntil(() -> tabs.getTabs().stream().anyMatch(t -> id.equals(t.getId())));
        @SuppressWarnings("unchecked")
        ListView<LogLine> lines = robot.lookup("#log-lines").queryAs(ListView.class);
        Set<String> pods = Set.of(Sandbox.kubectl("-n", "dev", "get", "pods", "-l", "app=frontend",
                "-o", "jsonpath={.items[*].metadata.name}").trim().split(" "));
        waitUntil(() -> lines.getItems().stream().map(LogLine::pod).filter(p -> p != null).collect(Collectors.toSet()).equals(pods));
        assertThat(robot.lookup("#log-state").queryLabeled().getText()).isEqualTo("Streaming");
        assertThat(session.logs().openStreamCount()).isEqualTo(pods.size());

        robot.clickOn("#log-search").write("GET").type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup(".log-match").queryAll().isEmpty());
        assertThat(robot.lookup(".log-match.current").queryAll()).isNotEmpty();
        snapshotIfAsked();

        Tab tab = tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().orElseThrow();
        int[] streamsRightAfterClose = {-1};
        robot.interact(() -> {
            tabs.getTabs().remove(tab);
            streamsRightAfterClose[0] = session.logs().openStreamCount();
        });
        assertThat(streamsRightAfterClose[0]).as("log requests open right after the tab closed").isZero();
        assertThat(session.openWatchCount()).as("the tab's pod and workload watches").isEqualTo(watchesBefore);
        WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> threadsBefore.containsAll(LiveThreads.named("wheelhouse-log-")));
    }

    private void snapshotIfAsked() throws Exception {
        String file = System.getenv("WHEELHOUSE_LOGS_SNAPSHOT");
        if (file != null && !file.isBlank()) {
            // More room for the lines, their times shown, wrapped, at the newest match.
            WaitForAsyncUtils.asyncFx(() -> {
                ((javafx.scene.control.SplitPane) stage.getScene().lookup("#explorer-split")).setDividerPositions(0.22);
                ((javafx.scene.control.ToggleButton) stage.getScene().lookup("#log-timestamps")).setSelected(true);
                ((javafx.scene.control.ToggleButton) stage.getScene().lookup("#log-wrap")).setSelected(true);
                ((javafx.scene.control.Button) stage.getScene().lookup("#log-search-previous")).fire();
            }).get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
            var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
            Files.createDirectories(Path.of(file).toAbsolutePath().getParent());
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", Path.of(file).toFile());
        }
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}

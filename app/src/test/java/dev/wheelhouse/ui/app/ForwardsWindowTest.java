package dev.wheelhouse.ui.app;

import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.kinds.builtin.Services;
import dev.wheelhouse.service.Forward;
import dev.wheelhouse.testing.LiveThreads;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.portforward.ForwardsViewModel.ForwardRow;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * Forwards as a user makes them: the switch beside a Service's port and beside a Pod's port in the details,
 * then the forwards panel from the toolbar listing both, each answering HTTP at its URL; Stop all ends them.
 * Saves a picture of the panel to target/forwards-panel.png.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ForwardsWindowTest {
    @RegisterExtension
    static final SandboxNamespace NAMESPACE = new SandboxNamespace("forwards-window-test");
    private static final String NS = NAMESPACE.name();
    private MainViewModel model;

    @BeforeAll
    static void deploy() throws Exception {
        Sandbox.apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: shop, namespace: %1$s}
                spec:
                  replicas: 1
                  selector: {matchLabels: {app: shop}}
                  template:
                    metadata: {labels: {app: shop}}
                    spec:
                      containers:
                      - name: shop
                        image: wheelhouse/shop:1
                        ports: [{name: http, containerPort: 8080}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: shop, namespace: %1$s}
                spec:
                  selector: {app: shop}
                  ports: [{name: web, port: 80, targetPort: http}]
                """.formatted(NS));
        kubectl("-n", NS, "rollout", "status", "deployment/shop", "--timeout=60s");
    }

    @Start
    void start(Stage stage) {
        model = Windows.open(stage, List.of(Sandbox.kubeconfig()), NS, Sandbox.CONTEXT);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
    }

    @Test
    void switchesInTheDetailsStartForwardsThatThePanelListsAndStops(FxRobot robot) throws Exception {
        waitUntil(() -> model.table().kindProperty().get() != null);
        forwardFromDetails(robot, Services.DESCRIPTOR.kind(), "shop", "#forward-80");
        forwardFromDetails(robot, Pods.DESCRIPTOR.kind(), "shop-", "#forward-8080");
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> model.forwards().rows().size() == 2
                && model.forwards().rows().stream().allMatch(r -> r.state() == Forward.State.ACTIVE)).get());

        robot.clickOn("#open-forwards");
        waitUntil(() -> robot.lookup("#forwards-table").tryQuery().isPresent());
        TableView<?> table = robot.lookup("#forwards-table").queryAs(TableView.class);
        waitUntil(() -> table.getItems().size() == 2);
        HttpClient http = HttpClient.newHttpClient();
        List<ForwardRow> rows = WaitForAsyncUtils.asyncFx(() -> List.copyOf(model.forwards().rows())).get(10, TimeUnit.SECONDS);
        for (ForwardRow row : rows) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(row.url())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(row.target()).isEqualTo(200);
        }
        // The byte counts show what went through, after the panel's next tick.
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> model.forwards().rows().stream().allMatch(r -> r.bytesIn() > 0)).get());
        assertThat(robot.lookup("#forwards-table .table-cell").match(LabeledMatchers.hasText("Service " + NS + "/shop:80")).tryQuery()).isPresent();
        // Starred, the Service's forward becomes a favourite of the context, offered to start again.
        robot.clickOn(favouriteButtonOf(robot, "Service"));
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> model.forwards().favourites().size() == 1
                && model.forwards().favourites().get(0).target().kind().equals("Service")).get());
        assertThat(robot.lookup("#favourite-forwards").queryAs(MenuButton.class).isDisabled()).isFalse();
        saveSnapshot(robot, Path.of("target", "forwards-panel.png"));

        robot.clickOn("#stop-all-forwards");
        waitUntil(() -> model.forwards().rows().isEmpty() && table.getItems().isEmpty());
        waitUntil(() -> LiveThreads.named(Forward.THREAD_PREFIX).isEmpty());
    }

    private void forwardFromDetails(FxRobot robot, String kind, String namePrefix, String toggle) throws Exception {
        robot.interact(() -> model.showKind(NS, model.cluster().registry().findByKind(kind).orElseThrow()));
        waitUntil(() -> model.table().kindProperty().get().kind().equals(kind)
                && model.table().stateProperty().get() == ResourceTableViewModel.LoadState.READY
                && model.table().rows().stream().anyMatch(r -> r.name().startsWith(namePrefix)));
        String name = WaitForAsyncUtils.asyncFx(() -> model.table().rows().stream().filter(r -> r.name().startsWith(namePrefix))
                .findFirst().orElseThrow().name()).get(10, TimeUnit.SECONDS);
        // The row is in the model before the table's next pulse lays out its cell.
        waitUntil(() -> robot.lookup("#rows .table-cell").match(LabeledMatchers.hasText(name)).tryQuery().isPresent());
        robot.clickOn(robot.lookup("#rows .table-cell").match(LabeledMatchers.hasText(name)).queryLabeled());
        // The switch appears once the details hold the whole object (the table's row has no ports).
        waitUntil(() -> robot.lookup(toggle).tryQuery().isPresent());
        robot.interact(() -> scrollIntoView(robot.lookup("#details").queryAs(ScrollPane.class), robot.lookup(toggle).query()));
        robot.clickOn(toggle);
        waitUntil(() -> robot.lookup(toggle).queryAs(ToggleButton.class).isSelected());
    }

    /** The star in the row of the forward to a {@code kind}. */
    private static Button favouriteButtonOf(FxRobot robot, String kind) {
        return robot.lookup("#forwards-table .forward-favourite").queryAllAs(Button.class).stream().filter(button -> {
            Node up = button;
            while (up != null && !(up instanceof TableRow<?>)) {
                up = up.getParent();
            }
            return up != null && ((TableRow<?>) up).getItem() instanceof ForwardRow row && row.target().startsWith(kind + " ");
        }).findFirst().orElseThrow();
    }

    private static void scrollIntoView(ScrollPane pane, Node node) {
        double y = pane.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
        double scrollable = pane.getContent().getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
        pane.setVvalue(scrollable <= 0 ? 0 : Math.min(1, y / scrollable));
    }

    private static void saveSnapshot(FxRobot robot, Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        var image = WaitForAsyncUtils.asyncFx(() -> robot.window(0).getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
    }
}

package dev.wheelhouse.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.cluster.ContextConnection;
import dev.wheelhouse.ui.navigator.NavItem;
import dev.wheelhouse.ui.table.ResourceRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
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

/**
 * Two contexts connected side by side: the sandbox as its admin (namespace dev) and as another user
 * with its own token (namespace prod). Each keeps its own state and tree; disconnecting one leaves the
 * other connected and live.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class TwoContextsWindowTest {
    private static final String SECOND = "sandbox-as-plugin-user";
    private MainViewModel model;
    private Path secondKubeconfig;

    @Start
    void start(Stage stage) throws Exception {
        String server = Sandbox.kubectl("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
        secondKubeconfig = Files.createTempFile("wheelhouse-second", ".yaml");
        Files.writeString(secondKubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: sandbox-again
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: %s
                  context: {cluster: sandbox-again, user: plugin-user, namespace: prod}
                users:
                - name: plugin-user
                  user: {token: "%s"}
                """.formatted(server, SECOND, Sandbox.token("plugin-user")));
        model = Windows.open(stage, List.of(Sandbox.kubeconfig(), secondKubeconfig), null, Sandbox.CONTEXT);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
        Files.deleteIfExists(secondKubeconfig);
        Sandbox.kubectlResult("-n", "prod", "delete", "configmap", "seen-while-alone", "--ignore-not-found");
    }

    @Test
    void bothContextsStayConnectedAndDisconnectingOneLeavesTheOtherLive(FxRobot robot) throws Exception {
        waitUntil(() -> model.placeProperty().get().kind() != null);
        TreeView<NavItem> tree = robot.lookup("#navigator").queryAs(TreeView.class);
        TreeItem<NavItem> second = contextItem(tree, SECOND);

        Windows.click(robot, tree, second);

        waitUntil(() -> model.cluster().isActive(SECOND) && model.placeProperty().get().kind() != null);
        ContextConnection first = model.cluster().connection(Sandbox.CONTEXT);
        ContextConnection other = model.cluster().connection(SECOND);
        assertThat(first.stateProperty().get()).as("the first stays connected").isEqualTo(ConnectionState.CONNECTED);
        assertThat(other.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);
        // Each context's own tree and place: the second opened on its own namespace, prod.
        assertThat(model.placeProperty().get().namespace()).isEqualTo("prod");
        assertThat(childLabels(contextItem(tree, Sandbox.CONTEXT))).contains("dev", "prod");
        assertThat(childLabels(second)).contains("dev", "prod");
        assertThat(robot.lookup("#status-bar .label").queryAs(Label.class).getText()).startsWith(SECOND + "  ·  ");

        robot.interact(() -> model.cluster().disconnect(Sandbox.CONTEXT));
        waitUntil(() -> contextItem(tree, Sandbox.CONTEXT).getChildren().isEmpty());
        assertThat(model.cluster().connection(Sandbox.CONTEXT)).isNull();
        assertThat(other.stateProperty().get()).isEqualTo(ConnectionState.CONNECTED);

        // Still live: a ConfigMap made now appears in the second context's table.
        robot.interact(() -> model.showKind("prod", ConfigMaps.DESCRIPTOR));
        Sandbox.kubectl("-n", "prod", "create", "configmap", "seen-while-alone");
        waitUntil(() -> model.table().rows().stream().map(ResourceRow::name).anyMatch("seen-while-alone"::equals));
        assertThat(model.cluster().isActive(SECOND)).isTrue();
    }

    private static TreeItem<NavItem> contextItem(TreeView<NavItem> tree, String name) {
        return tree.getRoot().getChildren().stream().filter(i -> i.getValue().context().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> childLabels(TreeItem<NavItem> item) {
        return item.getChildren().stream().map(child -> child.getValue().label()).toList();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}

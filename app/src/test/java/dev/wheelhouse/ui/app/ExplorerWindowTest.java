package dev.wheelhouse.ui.app;

import static dev.wheelhouse.testing.Sandbox.eventually;
import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.ui.navigator.NavItem;
import dev.wheelhouse.ui.table.ResourceRow;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.testing.SandboxNamespace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer as a user drives it, against the sandbox: objects made with kubectl appear in the
 * tree and table with their owner chain, and the UI's scale and delete change what kubectl sees.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ExplorerWindowTest {
    @RegisterExtension
    static final SandboxNamespace NAMESPACE = new SandboxNamespace("explorer-test");
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
    void aDeploymentMadeWithKubectlAppearsWithItsReplicaSetAndPodsAndScalesAndDeletesFromTheUi(FxRobot robot) throws Exception {
        // The window opens on the namespace's Deployments.
        waitUntil(() -> model.table().kindProperty().get() != null && model.table().stateProperty().get()
                == ResourceTableViewModel.LoadState.READY);
        kubectl("-n", NS, "create", "deployment", "shop", "--image=wheelhouse/shop:1", "--replicas=2");

        waitUntil(() -> rowNames(robot).contains("shop"));
        TreeView<NavItem> tree = robot.lookup("#navigator").queryAs(TreeView.class);
        TreeItem<NavItem> deployments = Windows.find(tree.getRoot(), i -> i.getValue().type() == NavItem.Type.KIND
                && NS.equals(i.getValue().namespace()) && i.getValue().label().equals("Deployments")).orElseThrow();
        robot.interact(() -> deployments.setExpanded(true));
        TreeItem<NavItem> shop = waitForChild(deployments, "shop");
        robot.interact(() -> shop.setExpanded(true));
        TreeItem<NavItem> replicaSet = waitForChild(shop, "shop-");
        robot.interact(() -> replicaSet.setExpanded(true));
        waitUntil(() -> replicaSet.getChildren().stream().filter(p -> p.getValue().type() == NavItem.Type.OBJECT).count() == 2);

        // Scale to 3 through the UI.
        robot.clickOn(robot.lookup("#rows .table-cell").match(LabeledMatchers.hasText("shop")).queryLabeled());
        robot.clickOn("#scale");
        waitUntil(() -> robot.lookup(".dialog-pane .text-field").tryQuery().isPresent());
        TextField replicas = robot.lookup(".dialog-pane .text-field").queryAs(TextField.class);
        assertThat(replicas.getText()).isEqualTo("2");
        robot.doubleClickOn(replicas).write("3").type(KeyCode.ENTER);
        assertThat(eventually(Duration.ofSeconds(20), () -> kubectl("-n", NS, "get", "deployment", "shop",
                "-o", "jsonpath={.spec.replicas}").equals("3"))).isTrue();
        waitUntil(() -> robot.lookup("#action-result").queryAs(Label.class).getText().equals("Scaled Deployment " + NS + "/shop to 3 replicas."));
        waitUntil(() -> replicaSet.getChildren().stream().filter(p -> p.getValue().type() == NavItem.Type.OBJECT).count() == 3);

        // Delete through the UI, confirming the dialog that names it.
        robot.clickOn("#delete");
        waitUntil(() -> robot.lookup(".dialog-pane .header-panel .label").tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText())
                .isEqualTo("Delete Deployment " + NS + "/shop");
        robot.clickOn(robot.lookup(".dialog-pane .button").match((Button b) -> b.getText().equals("OK")).queryButton());
        assertThat(eventually(Duration.ofSeconds(20), () -> Sandbox.kubectlResult("-n", NS, "get", "deployment", "shop").exitCode() != 0))
                .isTrue();
        waitUntil(() -> !rowNames(robot).contains("shop"));
        waitUntil(() -> deployments.getChildren().stream().noneMatch(i -> i.getValue().label().equals("shop")));
    }

    @Test
    void aCustomResourceDefinitionAppearsUnderCustomResourcesWithItsObjects(FxRobot robot) throws Exception {
        waitUntil(() -> model.cluster().namespacesLoadedProperty().get());
        Sandbox.apply("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: seldondeployments.machinelearning.seldon.io
                spec:
                  group: machinelearning.seldon.io
                  scope: Namespaced
                  names: {kind: SeldonDeployment, plural: seldondeployments, singular: seldondeployment}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    additionalPrinterColumns:
                    - {name: Replicas, type: integer, jsonPath: .spec.replicas}
                    schema:
                      openAPIV3Schema:
                        type: object
                        x-kubernetes-preserve-unknown-fields: true
                """);
        kubectl("wait", "--for=condition=Established", "crd/seldondeployments.machinelearning.seldon.io", "--timeout=30s");
        Sandbox.apply("""
                apiVersion: machinelearning.seldon.io/v1
                kind: SeldonDeployment
                metadata: {name: iris-model, namespace: %s}
                spec: {replicas: 2}
                """.formatted(NS));

        TreeView<NavItem> tree = robot.lookup("#navigator").queryAs(TreeView.class);
        waitUntil(() -> Windows.find(tree.getRoot(), i -> i.getValue().type() == NavItem.Type.KIND
                && NS.equals(i.getValue().namespace()) && i.getValue().label().equals("SeldonDeployments")).isPresent());
        TreeItem<NavItem> kind = Windows.find(tree.getRoot(), i -> i.getValue().type() == NavItem.Type.KIND
                && NS.equals(i.getValue().namespace()) && i.getValue().label().equals("SeldonDeployments")).orElseThrow();
        assertThat(kind.getParent().getValue().label()).isEqualTo("machinelearning.seldon.io");
        assertThat(kind.getParent().getParent().getValue().label()).isEqualTo("Custom Resources");

        Windows.click(robot, tree, kind);
        waitUntil(() -> rowNames(robot).contains("iris-model"));
        // The server printed the table, with the CRD's own column.
        waitUntil(() -> robot.lookup("#rows").queryAs(TableView.class).getColumns().stream()
                .anyMatch(c -> ((javafx.scene.control.TableColumn<?, ?>) c).getText().equals("Replicas")));
        waitUntil(() -> model.table().rows().get(0).cells().contains("2"));
    }

    @Test
    void aLinkInThePodsDetailsOpensTheConfigMapItReads(FxRobot robot) throws Exception {
        waitUntil(() -> model.table().kindProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> model.showKind("dev", Pods.DESCRIPTOR));
        waitUntil(() -> rowNames(robot).stream().anyMatch(n -> n.startsWith("frontend-deployment-")));
        TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
        robot.interact(() -> rows.getSelectionModel().select(rows.getItems().stream()
                .filter(r -> r.name().startsWith("frontend-deployment-")).findFirst().orElseThrow()));
        waitUntil(() -> robot.lookup(".hyperlink").match((Hyperlink h) -> h.getText().equals("ConfigMap frontend-config")).tryQuery().isPresent());

        // The link sits below the fold of the details pane; firing it is what a click after scrolling does.
        Hyperlink link = robot.lookup(".hyperlink").match((Hyperlink h) -> h.getText().equals("ConfigMap frontend-config")).queryAs(Hyperlink.class);
        robot.interact(link::fire);

        waitUntil(() -> model.table().kindProperty().get() == ConfigMaps.DESCRIPTOR);
        waitUntil(() -> rows.getSelectionModel().getSelectedItem() != null
                && rows.getSelectionModel().getSelectedItem().name().equals("frontend-config"));
        waitUntil(() -> model.details().objectProperty().get() != null
                && model.details().objectProperty().get().name().equals("frontend-config"));
        // The row holds only metadata; the details' own watch brings the whole object, data and all.
        waitUntil(() -> model.details().sections().stream().anyMatch(section -> section.title().equals("Data")));
        // The tree follows: dev → Config → ConfigMaps is selected.
        TreeView<NavItem> tree = robot.lookup("#navigator").queryAs(TreeView.class);
        waitUntil(() -> tree.getSelectionModel().getSelectedItem() != null
                && tree.getSelectionModel().getSelectedItem().getValue().kind() == ConfigMaps.DESCRIPTOR
                && "dev".equals(tree.getSelectionModel().getSelectedItem().getValue().namespace()));
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }

    private TreeItem<NavItem> waitForChild(TreeItem<NavItem> parent, String labelPrefix) throws Exception {
        waitUntil(() -> parent.getChildren().stream().anyMatch(i -> i.getValue().type() == NavItem.Type.OBJECT
                && i.getValue().label().startsWith(labelPrefix)));
        return parent.getChildren().stream().filter(i -> i.getValue().label().startsWith(labelPrefix)).findFirst().orElseThrow();
    }

    private static List<String> rowNames(FxRobot robot) {
        TableView<ResourceRow> rows = robot.lookup("#rows").queryAs(TableView.class);
        return rows.getItems().stream().map(ResourceRow::name).toList();
    }

}

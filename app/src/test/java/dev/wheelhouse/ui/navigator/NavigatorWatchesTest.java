package dev.wheelhouse.ui.navigator;

import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.testing.ApiServerMetrics;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.app.MainViewModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
 * "Branches watch only while open", counted twice: by the session's open watches and by the API
 * server's gauge of namespaced watch requests on a custom resource only this test defines. Folding a parent,
 * deleting the watched namespace and deleting the CRD each bring both counts back.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class NavigatorWatchesTest {
    private static final String NS = "branch-watch-test";
    private static final String GROUP = "branchtest.wheelhouse.dev";
    /**
     * Watches of one namespace's Gadgets. kube-controller-manager (garbage collector, quota) starts its own
     * cluster-wide watch of a new kind on its next discovery, up to 30 s after the CRD came: not the window's.
     */
    private static final Map<String, String> GADGET_WATCHES = Map.of("group", GROUP, "resource", "gadgets", "verb", "WATCH",
            "scope", "namespace");
    private MainViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Sandbox.kubectlResult("delete", "namespace", NS, "--ignore-not-found", "--wait=true", "--timeout=120s");
        kubectl("create", "namespace", NS);
        Sandbox.defineCustomResource(GROUP, "gadgets", "Gadget");
        Sandbox.apply("""
                apiVersion: %s/v1
                kind: Gadget
                metadata: {name: sprocket, namespace: %s}
                """.formatted(GROUP, NS));
        kubectl("-n", NS, "create", "deployment", "shop", "--image=wheelhouse/shop:1");
        model = Windows.open(stage, List.of(Sandbox.kubeconfig()), "dev", Sandbox.CONTEXT);
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
        Sandbox.kubectlResult("delete", "crd", "gadgets." + GROUP, "--ignore-not-found", "--wait=false");
        Sandbox.kubectlResult("delete", "namespace", NS, "--ignore-not-found", "--wait=false");
    }

    private static double serverGadgetWatches() {
        return ApiServerMetrics.sum("apiserver_longrunning_requests", GADGET_WATCHES);
    }

    @Test
    void foldedDeletedAndUndefinedBranchesStopWatching(FxRobot robot) throws Exception {
        waitUntil(() -> model.placeProperty().get().kind() != null);
        TreeView<NavItem> tree = robot.lookup("#navigator").queryAs(TreeView.class);
        ClusterSession session = model.cluster().sessionProperty().get();
        int sessionBefore = settledWatchCount(session);
        double serverBefore = serverGadgetWatches();

        // Open NS → Custom Resources → branchtest… → Gadgets, and NS → Workloads → Deployments → shop.
        TreeItem<NavItem> namespace = waitFor(tree, i -> i.getValue().type() == NavItem.Type.NAMESPACE && NS.equals(i.getValue().namespace()));
        robot.interact(() -> expandAll(namespace));
        TreeItem<NavItem> gadgets = waitFor(tree, i -> i.getValue().type() == NavItem.Type.KIND && NS.equals(i.getValue().namespace())
                && ourGadgets(i));
        TreeItem<NavItem> deployments = waitFor(tree, i -> i.getValue().type() == NavItem.Type.KIND && NS.equals(i.getValue().namespace())
                && i.getValue().label().equals("Deployments"));
        robot.interact(() -> {
            gadgets.setExpanded(true);
            deployments.setExpanded(true);
        });
        TreeItem<NavItem> shop = waitFor(tree, i -> i.getValue().type() == NavItem.Type.OBJECT && i.getParent() == deployments
                && i.getValue().label().equals("shop"));
        robot.interact(() -> shop.setExpanded(true));
        waitFor(tree, i -> i.getValue().type() == NavItem.Type.OBJECT && i.getParent() == gadgets);
        waitUntil(() -> session.openWatchCount(NS) >= 3 && session.openWatchCount() >= sessionBefore + 3);
        waitUntil(() -> serverGadgetWatches() == serverBefore + 1);

        // Folding the namespace stops every watch below it, however deep.
        robot.interact(() -> namespace.setExpanded(false));
        waitUntil(() -> session.openWatchCount(NS) == 0 && session.openWatchCount() == sessionBefore);
        waitUntil(() -> serverGadgetWatches() == serverBefore);

        // Open again, then delete the namespace: its branch leaves the tree and its watches stop.
        robot.interact(() -> namespace.setExpanded(true));
        waitUntil(() -> serverGadgetWatches() == serverBefore + 1);
        var shown = model.placeProperty().get();
        kubectl("delete", "namespace", NS, "--wait=false");
        waitUntil(() -> tree.getRoot().getChildren().get(0).getChildren().stream().noneMatch(i -> NS.equals(i.getValue().namespace())));
        // The namespace's own watches, whatever else the window watches meanwhile; then the server's side.
        waitUntil(() -> session.openWatchCount(NS) == 0);
        waitUntil(() -> serverGadgetWatches() == serverBefore);
        // Rows leaving above the selected one move the TreeView's selection by index; that is no choice of the user's.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.placeProperty().get()).isEqualTo(shown);
        waitUntil(() -> session.openWatchCount() == sessionBefore);

        // A custom kind open in another namespace goes when its CRD goes.
        TreeItem<NavItem> dev = waitFor(tree, i -> i.getValue().type() == NavItem.Type.NAMESPACE && "dev".equals(i.getValue().namespace()));
        robot.interact(() -> expandAll(dev));
        TreeItem<NavItem> devGadgets = waitFor(tree, i -> i.getValue().type() == NavItem.Type.KIND && "dev".equals(i.getValue().namespace())
                && ourGadgets(i));
        robot.interact(() -> devGadgets.setExpanded(true));
        waitUntil(() -> serverGadgetWatches() == serverBefore + 1);
        kubectl("delete", "crd", "gadgets." + GROUP, "--wait=false");
        waitUntil(() -> Windows.find(tree.getRoot(), i -> ourGadgets(i)).isEmpty());
        waitUntil(() -> serverGadgetWatches() == serverBefore);
    }

    /** This test's Gadgets, not another test's kind of the same name in another API group (ApplyServiceTest, SchemaServiceTest). */
    private static boolean ourGadgets(TreeItem<NavItem> item) {
        return item.getValue().label().equals("Gadgets") && item.getParent() != null
                && GROUP.equals(item.getParent().getValue().label());
    }

    /**
     * The window's watches once they stop changing (its table, details and tree start theirs one after another,
     * slowly on a sandbox just restarted): counted earlier, a watch starting late looks like one left behind.
     */
    private static int settledWatchCount(ClusterSession session) throws Exception {
        int count = session.openWatchCount();
        long stableSince = System.nanoTime();
        long deadline = stableSince + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - stableSince < TimeUnit.SECONDS.toNanos(2) && System.nanoTime() < deadline) {
            WaitForAsyncUtils.sleep(200, TimeUnit.MILLISECONDS);
            int now = session.openWatchCount();
            if (now != count) {
                count = now;
                stableSince = System.nanoTime();
            }
        }
        return count;
    }

    private static void expandAll(TreeItem<NavItem> item) {
        item.setExpanded(true);
        item.getChildren().stream().filter(c -> c.getValue().type() == NavItem.Type.CATEGORY || c.getValue().type() == NavItem.Type.GROUP)
                .forEach(NavigatorWatchesTest::expandAll);
    }

    private static TreeItem<NavItem> waitFor(TreeView<NavItem> tree, Predicate<TreeItem<NavItem>> test) throws Exception {
        waitUntil(() -> Windows.find(tree.getRoot(), test).isPresent());
        return Windows.find(tree.getRoot(), test).orElseThrow();
    }


    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    }
}

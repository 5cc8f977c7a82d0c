package dev.wheelhouse.ui.navigator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "Branches watch only while open": a branch stops watching when it folds, when any ancestor
 * folds, and when it leaves the tree (its object deleted, its namespace gone). Watches here are
 * counted subscriptions; the cluster-side count is checked against the sandbox elsewhere.
 */
class OpenBranchesTest {
    private final List<Consumer<Batch>> open = new ArrayList<>();
    private final TreeItem<NavItem> root = new TreeItem<>();
    private TreeItem<NavItem> namespace;
    private TreeItem<NavItem> category;
    private LiveTreeItem kind;

    private LiveTreeItem live(String label, boolean ownsMore) {
        NavItem value = new NavItem(NavItem.Type.KIND, "ctx", "dev", null, null, label);
        return new LiveTreeItem(value, sink -> {
            open.add(sink);
            return () -> open.remove(sink);
        }, o -> true, object -> ownsMore ? live(object.name(), false)
                : new TreeItem<>(new NavItem(NavItem.Type.OBJECT, "ctx", "dev", null, object, object.name())));
    }

    private static KubeObject object(String uid, String name) {
        return new KubeObject(Map.of("metadata", Map.of("uid", uid, "name", name)));
    }

    @BeforeEach
    void tree() {
        OpenBranches.track(root);
        namespace = new TreeItem<>(NavItem.namespace("ctx", "dev"));
        category = new TreeItem<>(NavItem.message("ctx", "Workloads"));
        kind = live("Deployments", true);
        category.getChildren().add(kind);
        namespace.getChildren().add(category);
        root.getChildren().add(namespace);
        namespace.setExpanded(true);
        category.setExpanded(true);
    }

    /** Opens Deployments and its "shop" object: two watches. */
    private LiveTreeItem openKindAndObject() {
        kind.setExpanded(true);
        assertThat(open).hasSize(1);
        open.get(0).accept(new Batch(List.of(object("1", "shop")), List.of(), true, null));
        LiveTreeItem shop = (LiveTreeItem) kind.getChildren().get(0);
        shop.setExpanded(true);
        assertThat(open).hasSize(2);
        return shop;
    }

    @Test
    void foldingAnAncestorStopsEveryWatchBelowItAndUnfoldingResumesTheOpenOnes() {
        openKindAndObject();

        category.setExpanded(false);
        assertThat(open).isEmpty();

        category.setExpanded(true);
        // Deployments is still expanded, so it watches again; its children were forgotten with the watch.
        assertThat(open).hasSize(1);
        assertThat(kind.isWatching()).isTrue();
    }

    @Test
    void aBranchThatLeavesTheTreeStopsWatching() {
        openKindAndObject();

        root.getChildren().remove(namespace);

        assertThat(open).isEmpty();
    }

    @Test
    void anObjectDroppedFromItsListStopsWatchingItsOwnedObjects() {
        LiveTreeItem shop = openKindAndObject();

        open.get(0).accept(new Batch(List.of(), List.of("1"), false, null));

        assertThat(shop.isWatching()).isFalse();
        assertThat(open).hasSize(1);
    }

    @Test
    void aBranchExpandedBeforeItsParentOpensWaitsForIt() {
        category.setExpanded(false);
        kind.setExpanded(true);
        assertThat(open).isEmpty();

        category.setExpanded(true);
        assertThat(open).hasSize(1);
    }
}

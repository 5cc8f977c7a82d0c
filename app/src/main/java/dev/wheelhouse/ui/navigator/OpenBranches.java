package dev.wheelhouse.ui.navigator;

import javafx.event.EventHandler;
import javafx.scene.control.TreeItem;

/**
 * Tells each live branch whether it is open: expanded, with all its ancestors expanded, and still
 * in the tree. Tree events travel from an item up to the root, never down, so a branch cannot hear
 * its grandparent fold; the root hears everything and tells the branches below the change.
 * This is what makes "branches watch only while open" true for a parent that folds, children
 * dropped from a list, and a namespace or custom kind that disappears.
 */
final class OpenBranches {
    private OpenBranches() {
    }

    static <T> void track(TreeItem<T> root) {
        EventHandler<TreeItem.TreeModificationEvent<T>> handler = event -> {
            if (event.wasExpanded() || event.wasCollapsed()) {
                sync(event.getTreeItem(), root);
            }
            if (event.wasRemoved()) {
                event.getRemovedChildren().forEach(child -> sync(child, root));
            }
            if (event.wasAdded()) {
                event.getAddedChildren().forEach(child -> sync(child, root));
            }
        };
        root.addEventHandler(TreeItem.treeNotificationEvent(), handler);
    }

    /** Brings every live branch in {@code item}'s subtree to whether it is open now. */
    static <T> void sync(TreeItem<T> item, TreeItem<T> root) {
        if (item instanceof LiveTreeItem live) {
            live.setOpen(isOpen(item, root));
        }
        for (TreeItem<T> child : item.getChildren()) {
            sync(child, root);
        }
    }

    private static <T> boolean isOpen(TreeItem<T> item, TreeItem<T> root) {
        for (TreeItem<T> at = item; at != root; at = at.getParent()) {
            if (at == null || !at.isExpanded()) {
                return false;
            }
        }
        return true;
    }
}

package dev.wheelhouse.ui.navigator;

import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import dev.wheelhouse.ui.common.Handles;
import javafx.scene.control.TreeItem;

/**
 * A tree branch whose children are live objects: a kind's objects, or the objects another one owns.
 * It watches only while open — expanded, with every ancestor expanded, and in the tree
 * ({@link OpenBranches} tells it) — and shows at most
 * {@value #MAX_CHILDREN} children, so that a kind with thousands of pods stays light in the tree.
 */
final class LiveTreeItem extends TreeItem<NavItem> {
    static final int MAX_CHILDREN = 200;

    private final Function<Consumer<Batch>, AutoCloseable> subscribe;
    private final Predicate<KubeObject> accepts;
    private final Function<KubeObject, TreeItem<NavItem>> childFactory;
    private final Map<String, KubeObject> objects = new LinkedHashMap<>();
    private final Map<String, TreeItem<NavItem>> childrenByUid = new LinkedHashMap<>();
    private AutoCloseable subscription;
    private boolean synced;

    LiveTreeItem(NavItem value, Function<Consumer<Batch>, AutoCloseable> subscribe,
                 Predicate<KubeObject> accepts, Function<KubeObject, TreeItem<NavItem>> childFactory) {
        super(value);
        this.subscribe = subscribe;
        this.accepts = accepts;
        this.childFactory = childFactory;
        getChildren().add(new TreeItem<>(NavItem.message(value.context(), "Loading…")));
    }

    /** Watches while open, and stops (forgetting its children) when not. */
    void setOpen(boolean open) {
        if (open && subscription == null) {
            subscription = subscribe.apply(this::apply);
        } else if (!open && subscription != null) {
            detach();
        }
    }

    boolean isWatching() {
        return subscription != null;
    }

    private void detach() {
        AutoCloseable old = subscription;
        subscription = null;
        objects.clear();
        childrenByUid.clear();
        synced = false;
        // The children go with the watch; their own watches must go too, and once they have left the
        // tree no tree event would tell them.
        getChildren().forEach(LiveTreeItem::closeSubtree);
        getChildren().setAll(new TreeItem<>(NavItem.message(getValue().context(), "Loading…")));
        Handles.closeQuietly(old);
    }

    private static void closeSubtree(TreeItem<NavItem> item) {
        if (item instanceof LiveTreeItem live) {
            live.setOpen(false);
        } else {
            item.getChildren().forEach(LiveTreeItem::closeSubtree);
        }
    }

    private void apply(Batch batch) {
        synced |= batch.synced();
        batch.deletedUids().forEach(objects::remove);
        for (KubeObject object : batch.upserts()) {
            if (accepts.test(object)) {
                objects.put(object.uid(), object);
            } else {
                objects.remove(object.uid());
            }
        }
        List<KubeObject> sorted = objects.values().stream().sorted(Comparator.comparing(KubeObject::name)).toList();
        List<TreeItem<NavItem>> children = new ArrayList<>();
        for (KubeObject object : sorted.subList(0, Math.min(MAX_CHILDREN, sorted.size()))) {
            TreeItem<NavItem> child = childrenByUid.get(object.uid());
            if (child == null) {
                child = childFactory.apply(object);
                childrenByUid.put(object.uid(), child);
            }
            children.add(child);
        }
        childrenByUid.keySet().retainAll(objects.keySet());
        if (sorted.size() > MAX_CHILDREN) {
            children.add(new TreeItem<>(NavItem.message(getValue().context(),
                    (sorted.size() - MAX_CHILDREN) + " more: use the table and its filter")));
        }
        if (children.isEmpty()) {
            children.add(new TreeItem<>(NavItem.message(getValue().context(), batch.problem() != null
                    ? batch.problem().message() : synced ? "None" : "Loading…")));
        }
        TreeChildren.update(getChildren(), children);
    }

    @Override
    public boolean isLeaf() {
        return false;
    }
}

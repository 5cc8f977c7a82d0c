package dev.wheelhouse.ui;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.KubeObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The tree on the left: contexts → namespaces (and All namespaces) → groups → kinds → objects →
 * the objects they own (Deployment → ReplicaSets → Pods). Kind and object branches watch only
 * while open. Choosing a row asks the view model to connect, or to show a table or an object.
 */
final class NavigatorView extends TreeView<NavItem> {
    private final MainViewModel model;
    private final TreeItem<NavItem> root = new TreeItem<>();
    private final Map<String, TreeItem<NavItem>> namespaceItems = new HashMap<>();
    private final List<TreeItem<NavItem>> customCategories = new ArrayList<>();
    private boolean revealing;

    NavigatorView(MainViewModel model) {
        this.model = model;
        setId("navigator");
        setRoot(root);
        setShowRoot(false);
        setCellFactory(tree -> new NavCell());
        model.contexts().addListener((ListChangeListener<ContextInfo>) change -> rebuildContexts());
        model.namespaces().addListener((ListChangeListener<String>) change -> refreshActiveChildren());
        model.stateProperty().addListener((obs, was, now) -> refreshActiveChildren());
        model.namespacesProblemProperty().addListener((obs, was, now) -> refreshActiveChildren());
        model.namespacesLoadedProperty().addListener((obs, was, now) -> refreshActiveChildren());
        model.activeContextProperty().addListener((obs, was, now) -> refreshActiveChildren());
        model.customKinds().addListener((ListChangeListener<KindDescriptor>) change -> customCategories.forEach(this::fillCustom));
        // Choosing may rebuild the tree (connecting replaces a context's children); doing that inside
        // the selection event breaks the TreeView's own bookkeeping, so it waits for the event to end.
        getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && !revealing) {
                NavItem chosen = now.getValue();
                Platform.runLater(() -> choose(chosen));
            }
        });
        // When the table changes kind from elsewhere (a link in the details), the tree follows.
        model.table().kindProperty().addListener((obs, was, now) -> Platform.runLater(this::revealShownKind));
    }

    private void revealShownKind() {
        KindDescriptor kind = model.table().kindProperty().get();
        TreeItem<NavItem> selected = getSelectionModel().getSelectedItem();
        if (kind == null || (selected != null && selected.getValue().kind() == kind
                && Objects.equals(selected.getValue().namespace(), model.selectedNamespaceProperty().get()))) {
            return;
        }
        root.getChildren().stream().filter(c -> model.isActive(c.getValue().context())).findFirst()
                .flatMap(context -> context.getChildren().stream()
                        .filter(ns -> ns.getValue().type() == NavItem.Type.NAMESPACE
                                && Objects.equals(ns.getValue().namespace(), model.selectedNamespaceProperty().get()))
                        .findFirst())
                .flatMap(ns -> kindItem(ns, kind))
                .ifPresent(item -> {
                    for (TreeItem<NavItem> up = item.getParent(); up != null; up = up.getParent()) {
                        up.setExpanded(true);
                    }
                    // Only mirrors what is shown already; choosing it again would race with later choices.
                    revealing = true;
                    try {
                        getSelectionModel().select(item);
                    } finally {
                        revealing = false;
                    }
                    scrollTo(getRow(item));
                });
    }

    private void choose(NavItem item) {
        switch (item.type()) {
            case CONTEXT -> {
                if (!model.isActive(item.context())) {
                    model.connect(item.context());
                }
            }
            case KIND -> model.showKind(item.namespace(), item.kind());
            case OBJECT -> model.showObject(item.namespace(), item.kind(), item.object());
            default -> { }
        }
    }

    private void rebuildContexts() {
        root.getChildren().clear();
        for (ContextInfo context : model.contexts()) {
            root.getChildren().add(new TreeItem<>(NavItem.context(context.name())));
        }
        refreshActiveChildren();
    }

    private void refreshActiveChildren() {
        for (TreeItem<NavItem> contextItem : root.getChildren()) {
            String name = contextItem.getValue().context();
            if (!model.isActive(name)) {
                contextItem.getChildren().clear();
                namespaceItems.keySet().removeIf(key -> key.startsWith(name + "/"));
                customCategories.removeIf(c -> c.getValue().context().equals(name));
                continue;
            }
            TreeChildren.update(contextItem.getChildren(), childrenOf(name));
            contextItem.setExpanded(true);
            openStartNamespace(contextItem);
        }
    }

    /** Once per connection, opens the start namespace at its first kind, so the window shows something useful. */
    private void openStartNamespace(TreeItem<NavItem> contextItem) {
        boolean namespacesKnown = model.namespacesLoadedProperty().get() || model.namespacesProblemProperty().get() != null;
        if (model.table().kindProperty().get() != null || !namespacesKnown) {
            return;
        }
        String wanted = model.startNamespace();
        contextItem.getChildren().stream().filter(i -> wanted.equals(i.getValue().namespace())).findFirst().ifPresent(ns -> {
            ns.setExpanded(true);
            TreeItem<NavItem> workloads = ns.getChildren().get(0);
            workloads.setExpanded(true);
            getSelectionModel().select(workloads.getChildren().get(0));
        });
    }

    /** The kind's row under a namespace: in its category, or for custom kinds in their API group. */
    private static Optional<TreeItem<NavItem>> kindItem(TreeItem<NavItem> under, KindDescriptor kind) {
        for (TreeItem<NavItem> child : under.getChildren()) {
            NavItem.Type type = child.getValue().type();
            if (type == NavItem.Type.KIND && child.getValue().kind().type().equals(kind.type())) {
                return Optional.of(child);
            }
            if (type == NavItem.Type.CATEGORY || type == NavItem.Type.GROUP) {
                Optional<TreeItem<NavItem>> found = kindItem(child, kind);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private List<TreeItem<NavItem>> childrenOf(String context) {
        List<TreeItem<NavItem>> children = new ArrayList<>();
        switch (model.stateProperty().get()) {
            case CONNECTING -> children.add(new TreeItem<>(NavItem.message(context, "Connecting…")));
            case FAILED -> {
                namespaceItems.clear();
                customCategories.clear();
                children.add(new TreeItem<>(NavItem.message(context, "Not reachable: see the details")));
            }
            case CONNECTED -> {
                if (model.namespacesProblemProperty().get() != null) {
                    children.add(new TreeItem<>(NavItem.message(context, model.namespacesProblemProperty().get().message())));
                } else if (!model.namespacesLoadedProperty().get()) {
                    children.add(new TreeItem<>(NavItem.message(context, "Loading namespaces…")));
                } else {
                    children.add(namespaceItem(context, null));
                }
                for (String namespace : model.namespaces()) {
                    children.add(namespaceItem(context, namespace));
                }
            }
            default -> { }
        }
        return children;
    }

    /** Namespace branches are kept while their context stays connected, so they keep their open state. */
    private TreeItem<NavItem> namespaceItem(String context, String namespace) {
        String key = context + "/" + (namespace == null ? "*" : namespace);
        return namespaceItems.computeIfAbsent(key, k -> {
            NavItem value = NavItem.namespace(context, namespace);
            TreeItem<NavItem> item = new TreeItem<>(value);
            for (Category category : Category.values()) {
                NavItem categoryValue = NavItem.category(value, category.title());
                TreeItem<NavItem> categoryItem = new TreeItem<>(categoryValue);
                if (category == Category.CUSTOM) {
                    customCategories.add(categoryItem);
                    fillCustom(categoryItem);
                } else {
                    for (KindDescriptor kind : model.registry().inCategory(category)) {
                        categoryItem.getChildren().add(kindItem(categoryValue, kind));
                    }
                }
                item.getChildren().add(categoryItem);
            }
            return item;
        });
    }

    /** Custom Resources, grouped by API group, from the CRDs the cluster has now. */
    private void fillCustom(TreeItem<NavItem> category) {
        NavItem value = category.getValue();
        Map<String, List<KindDescriptor>> byGroup = new TreeMap<>();
        for (KindDescriptor kind : model.customKinds()) {
            byGroup.computeIfAbsent(kind.type().group(), g -> new ArrayList<>()).add(kind);
        }
        List<TreeItem<NavItem>> groups = new ArrayList<>();
        Map<String, TreeItem<NavItem>> known = new HashMap<>();
        for (TreeItem<NavItem> existing : category.getChildren()) {
            known.put(existing.getValue().type() + ":" + existing.getValue().label(), existing);
        }
        byGroup.forEach((group, kinds) -> {
            // Existing branches are kept, so a CRD appearing elsewhere does not fold or unselect them.
            TreeItem<NavItem> groupItem = known.computeIfAbsent(NavItem.Type.GROUP + ":" + group, k -> {
                TreeItem<NavItem> created = new TreeItem<>(NavItem.group(value, group));
                created.setExpanded(true);
                return created;
            });
            Map<String, TreeItem<NavItem>> kindItems = new HashMap<>();
            groupItem.getChildren().forEach(k -> kindItems.put(k.getValue().kind().type().qualifiedPlural(), k));
            TreeChildren.update(groupItem.getChildren(), kinds.stream()
                    .map(kind -> kindItems.computeIfAbsent(kind.type().qualifiedPlural(), p -> kindItem(groupItem.getValue(), kind)))
                    .toList());
            groups.add(groupItem);
        });
        if (groups.isEmpty()) {
            groups.add(new TreeItem<>(NavItem.message(value.context(), "No custom resource definitions")));
        }
        TreeChildren.update(category.getChildren(), groups);
    }

    private TreeItem<NavItem> kindItem(NavItem parent, KindDescriptor kind) {
        NavItem value = NavItem.kind(parent, kind);
        boolean allNamespaces = parent.namespace() == null && kind.type().namespaced();
        return new LiveTreeItem(value, sink -> model.watch(kind, parent.namespace(), sink), o -> true,
                object -> objectItem(value, kind, object, allNamespaces));
    }

    /** An object; if its kind owns others (a Deployment its ReplicaSets), it opens to them. */
    private TreeItem<NavItem> objectItem(NavItem parent, KindDescriptor kind, KubeObject object, boolean showNamespace) {
        NavItem value = NavItem.object(parent, kind, object, showNamespace);
        if (kind.ownedKinds().isEmpty()) {
            return new TreeItem<>(value);
        }
        KindDescriptor owned = model.registry().findByKind(kind.ownedKinds().get(0)).orElseThrow();
        String namespace = object.namespace().isEmpty() ? null : object.namespace();
        return new LiveTreeItem(value, sink -> model.watch(owned, namespace, sink), child -> ownedBy(child, object),
                child -> objectItem(value, owned, child, false));
    }

    private static boolean ownedBy(KubeObject child, KubeObject owner) {
        return child.list("metadata.ownerReferences").stream()
                .anyMatch(ref -> ref instanceof Map<?, ?> m && owner.uid().equals(m.get("uid")));
    }

    /** Styles rows by type, and the connected context in bold. */
    private final class NavCell extends TreeCell<NavItem> {
        @Override
        protected void updateItem(NavItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("nav-"));
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.label());
            getStyleClass().add("nav-" + item.type().name().toLowerCase());
            if (item.type() == NavItem.Type.CONTEXT && model.isActive(item.context())) {
                getStyleClass().add("nav-active");
            }
        }
    }
}

package dev.wheelhouse.ui.navigator;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.cluster.ContextConnection;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.common.Workspace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import javafx.beans.InvalidationListener;
import javafx.collections.MapChangeListener;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The tree on the left: contexts → namespaces (and All namespaces) → groups → kinds → objects →
 * the objects they own (Deployment → ReplicaSets → Pods). Kind and object branches watch only
 * while open (see {@link OpenBranches}). Choosing a row asks the view model to connect, or to show
 * a table or an object; when the workspace shows another kind (a followed link), the tree follows.
 */
public final class NavigatorView extends TreeView<NavItem> {
    private final NavigatorViewModel model;
    private final BackgroundTasks tasks;
    private final TreeItem<NavItem> root = new TreeItem<>();
    private final Map<String, TreeItem<NavItem>> namespaceItems = new HashMap<>();
    private final List<TreeItem<NavItem>> customCategories = new ArrayList<>();
    private final Map<ContextConnection, Subscription> perConnection = new HashMap<>();
    /** Connections whose start namespace was opened already: once per connection, not on every return to it. */
    private final Set<ContextConnection> opened = Collections.newSetFromMap(new WeakHashMap<>());
    private boolean userInput;

    public NavigatorView(NavigatorViewModel model, BackgroundTasks tasks) {
        this.model = model;
        this.tasks = tasks;
        setId("navigator");
        setRoot(root);
        setShowRoot(false);
        setCellFactory(tree -> new NavCell());
        OpenBranches.track(root);
        // Only what the user selects is a choice. The TreeView also moves its selection by itself (it keeps an
        // index, so rows added or removed above shift it onto another item), and that must open nothing.
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> noteUserInput());
        addEventFilter(KeyEvent.KEY_PRESSED, e -> noteUserInput());
        Lifecycle.whileAttached(this, this::attach);
    }

    private Subscription attach() {
        ClusterModel cluster = model.cluster();
        InvalidationListener contextsChanged = o -> rebuildContexts();
        MapChangeListener<String, ContextConnection> connectionsChanged = change -> {
            if (change.wasRemoved()) {
                Subscription gone = perConnection.remove(change.getValueRemoved());
                if (gone != null) {
                    gone.unsubscribe();
                }
            }
            if (change.wasAdded()) {
                follow(change.getValueAdded());
            }
            refreshContext(change.getKey());
        };
        model.contexts().addListener(contextsChanged);
        cluster.connections().addListener(connectionsChanged);
        cluster.connections().values().forEach(this::follow);
        rebuildContexts();
        return Subscription.combine(
                () -> model.contexts().removeListener(contextsChanged),
                () -> cluster.connections().removeListener(connectionsChanged),
                () -> {
                    perConnection.values().forEach(Subscription::unsubscribe);
                    perConnection.clear();
                },
                cluster.activeContextProperty().subscribe(context -> {
                    refresh();
                    if (context != null) {
                        refreshContext(context.name());
                    }
                }),
                // Choosing may rebuild the tree (connecting replaces a context's children); doing that inside
                // the selection event breaks the TreeView's own bookkeeping, so it waits for the event to end.
                getSelectionModel().selectedItemProperty().subscribe(now -> {
                    if (now != null && userInput) {
                        // Only if it is still the choice then: a selection the tree shifted meanwhile is not one.
                        tasks.later(() -> {
                            if (getSelectionModel().getSelectedItem() == now) {
                                model.choose(now.getValue());
                            }
                        });
                    }
                }),
                model.workspace().placeProperty().subscribe(place -> tasks.later(this::revealShownKind)),
                () -> root.getChildren().clear());
    }

    /** The selection changes that this key or mouse press causes are the user's; the mark lasts this event only. */
    private void noteUserInput() {
        userInput = true;
        tasks.later(() -> userInput = false);
    }

    /**
     * Selects an item as the user would and opens it: a kind's table, an object, a context. Used where the
     * app chooses for the user (the start namespace), and by tests.
     */
    public void choose(TreeItem<NavItem> item) {
        getSelectionModel().select(item);
        model.choose(item.getValue());
    }

    /** Keeps a connected context's branch up to date with its state, namespaces and custom kinds. */
    private void follow(ContextConnection connection) {
        String name = connection.name();
        InvalidationListener refresh = o -> refreshContext(name);
        InvalidationListener customChanged = o -> customCategories.stream()
                .filter(c -> c.getValue().context().equals(name)).forEach(this::fillCustom);
        connection.namespaces().addListener(refresh);
        connection.customKinds().addListener(customChanged);
        perConnection.put(connection, Subscription.combine(
                () -> connection.namespaces().removeListener(refresh),
                () -> connection.customKinds().removeListener(customChanged),
                connection.stateProperty().subscribe(v -> refreshContext(name)),
                connection.namespacesLoadedProperty().subscribe(v -> refreshContext(name)),
                connection.namespacesProblemProperty().subscribe(v -> refreshContext(name))));
    }

    private void revealShownKind() {
        Workspace.Place place = model.workspace().placeProperty().get();
        KindDescriptor kind = place.kind();
        TreeItem<NavItem> selected = getSelectionModel().getSelectedItem();
        if (kind == null || (selected != null && selected.getValue().kind() == kind
                && Objects.equals(selected.getValue().namespace(), place.namespace()))) {
            return;
        }
        root.getChildren().stream().filter(c -> model.isActive(c.getValue().context())).findFirst()
                .flatMap(context -> context.getChildren().stream()
                        .filter(ns -> ns.getValue().type() == NavItem.Type.NAMESPACE
                                && Objects.equals(ns.getValue().namespace(), place.namespace()))
                        .findFirst())
                .flatMap(ns -> kindItem(ns, kind))
                .ifPresent(item -> {
                    // Only mirrors what is shown already (no user input, so no choice).
                    for (TreeItem<NavItem> up = item.getParent(); up != null; up = up.getParent()) {
                        up.setExpanded(true);
                    }
                    getSelectionModel().select(item);
                    scrollTo(getRow(item));
                });
    }

    private void rebuildContexts() {
        List<TreeItem<NavItem>> wanted = new ArrayList<>();
        Map<String, TreeItem<NavItem>> existing = new HashMap<>();
        root.getChildren().forEach(item -> existing.put(item.getValue().context(), item));
        model.contexts().forEach(context -> wanted.add(existing.getOrDefault(context.name(), new TreeItem<>(NavItem.context(context.name())))));
        TreeChildren.update(root.getChildren(), wanted);
        wanted.forEach(item -> refreshContext(item.getValue().context()));
    }

    private void refreshContext(String name) {
        TreeItem<NavItem> contextItem = root.getChildren().stream()
                .filter(item -> item.getValue().context().equals(name)).findFirst().orElse(null);
        if (contextItem == null) {
            return;
        }
        List<TreeItem<NavItem>> children = new ArrayList<>();
        for (NavigatorViewModel.ContextRow row : model.rowsOf(name)) {
            children.add(row.isMessage() ? new TreeItem<>(NavItem.message(name, row.message())) : namespaceItem(name, row.namespace()));
        }
        if (children.stream().noneMatch(c -> c.getValue().type() == NavItem.Type.NAMESPACE)) {
            // Not connected, failed or reconnecting: the namespaces kept for their open state belong to a session that is gone.
            namespaceItems.keySet().removeIf(key -> key.startsWith(name + "/"));
            customCategories.removeIf(c -> c.getValue().context().equals(name));
        }
        TreeChildren.update(contextItem.getChildren(), children);
        if (!children.isEmpty()) {
            contextItem.setExpanded(true);
        }
        if (model.isActive(name)) {
            openStartNamespace(contextItem);
        }
    }

    /** Once per connection, opens the start namespace at its first kind, so the window shows something useful. */
    private void openStartNamespace(TreeItem<NavItem> contextItem) {
        ContextConnection connection = model.cluster().connection(contextItem.getValue().context());
        if (connection == null || opened.contains(connection)) {
            return;
        }
        String wanted = model.namespaceToOpenNow(connection);
        if (wanted == null) {
            return;
        }
        KindDescriptor remembered = model.kindToOpen();
        contextItem.getChildren().stream().filter(i -> wanted.equals(i.getValue().namespace())).findFirst().ifPresent(ns -> {
            ns.setExpanded(true);
            TreeItem<NavItem> workloads = ns.getChildren().get(0);
            TreeItem<NavItem> kind = remembered == null ? workloads.getChildren().get(0)
                    : kindItem(ns, remembered).orElse(workloads.getChildren().get(0));
            kind.getParent().setExpanded(true);
            opened.add(connection);
            choose(kind);
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
        for (KindDescriptor kind : model.customKinds(value.context())) {
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
        return new LiveTreeItem(value, sink -> model.watch(parent.context(), kind, parent.namespace(), sink), o -> true,
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
        return new LiveTreeItem(value, sink -> model.watch(parent.context(), owned, namespace, sink), child -> ownedBy(child, object),
                child -> objectItem(value, owned, child, false));
    }

    private static boolean ownedBy(KubeObject child, KubeObject owner) {
        return child.list("metadata.ownerReferences").stream()
                .anyMatch(ref -> ref instanceof Map<?, ?> m && owner.uid().equals(m.get("uid")));
    }

    /** Styles rows by type, with the icon of their kind, and the connected context in bold. */
    private final class NavCell extends TreeCell<NavItem> {
        private final FontIcon icon = Icons.of(Icons.CONTEXT);
        private final MenuItem disconnect = new MenuItem("Disconnect");
        private final ContextMenu contextMenu = new ContextMenu(disconnect);

        NavCell() {
            disconnect.setId("disconnect-context");
            disconnect.setOnAction(e -> {
                if (getItem() != null) {
                    model.disconnect(getItem().context());
                }
            });
        }

        @Override
        protected void updateItem(NavItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeIf(s -> s.startsWith("nav-"));
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
                return;
            }
            setText(item.label());
            Ikon ikon = switch (item.type()) {
                case CONTEXT -> Icons.CONTEXT;
                case NAMESPACE -> Icons.NAMESPACE;
                case KIND, OBJECT -> Icons.forKind(item.kind().kind());
                default -> null;
            };
            if (ikon != null) {
                icon.setIconCode(ikon);
            }
            setGraphic(ikon == null ? null : icon);
            getStyleClass().add("nav-" + item.type().name().toLowerCase());
            if (item.type() == NavItem.Type.CONTEXT && model.isActive(item.context())) {
                getStyleClass().add("nav-active");
            }
            setContextMenu(item.type() == NavItem.Type.CONTEXT && model.cluster().connection(item.context()) != null ? contextMenu : null);
        }
    }
}

package dev.wheelhouse.ui;

import dev.wheelhouse.model.ContextInfo;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * The tree on the left: every context, and under the connected one its namespaces.
 * It only mirrors the view model; choosing another context asks the view model to connect.
 */
final class NavigatorView extends TreeView<NavItem> {
    private final MainViewModel model;
    private final TreeItem<NavItem> root = new TreeItem<>();

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
        getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && now.getValue().type() == NavItem.Type.CONTEXT && !model.isActive(now.getValue().context())) {
                model.connect(now.getValue().context());
            }
        });
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
                continue;
            }
            contextItem.getChildren().setAll(childrenOf(name));
            contextItem.setExpanded(true);
        }
    }

    private List<TreeItem<NavItem>> childrenOf(String context) {
        List<TreeItem<NavItem>> children = new ArrayList<>();
        switch (model.stateProperty().get()) {
            case CONNECTING -> children.add(new TreeItem<>(NavItem.message(context, "Connecting…")));
            case FAILED -> children.add(new TreeItem<>(NavItem.message(context, "Not reachable: see the details")));
            case CONNECTED -> {
                if (model.namespacesProblemProperty().get() != null) {
                    children.add(new TreeItem<>(NavItem.message(context, model.namespacesProblemProperty().get().message())));
                } else if (!model.namespacesLoadedProperty().get()) {
                    children.add(new TreeItem<>(NavItem.message(context, "Loading namespaces…")));
                }
                for (String namespace : model.namespaces()) {
                    children.add(new TreeItem<>(NavItem.namespace(context, namespace)));
                }
            }
            default -> { }
        }
        return children;
    }

    /** Styles rows by type (context, namespace, message), and the connected context in bold. */
    private final class NavCell extends TreeCell<NavItem> {
        @Override
        protected void updateItem(NavItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("nav-context", "nav-namespace", "nav-message", "nav-active");
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

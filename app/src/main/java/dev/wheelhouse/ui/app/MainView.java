package dev.wheelhouse.ui.app;

import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.service.LineRing;
import dev.wheelhouse.ui.actions.ActionsView;
import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.common.WorkspaceTab;
import dev.wheelhouse.ui.connection.ConnectionView;
import dev.wheelhouse.ui.details.DetailsView;
import dev.wheelhouse.ui.labs.LabsView;
import dev.wheelhouse.ui.logs.LogsTabs;
import dev.wheelhouse.ui.learning.LearningView;
import dev.wheelhouse.ui.editor.EditorLauncher;
import dev.wheelhouse.ui.navigator.NavigatorView;
import dev.wheelhouse.ui.portforward.PortForwards;
import dev.wheelhouse.ui.switcher.QuickSwitcherView;
import dev.wheelhouse.ui.table.ResourceTableView;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.InvalidationListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.event.EventHandler;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The main window's content, composed from the features: kubeconfig problems on top, navigator
 * left, the table (with the actions bar) over the details in the centre, status at the bottom.
 */
public final class MainView extends BorderPane {
    private final WorkspaceTabs tabs = new WorkspaceTabs();
    private final WorkspaceTab learning;
    private final Runnable openLabs;

    public MainView(MainViewModel model) {
        setId("main-view");
        NavigatorView navigator = new NavigatorView(model.navigator(), model.tasks());
        ConnectionView connection = new ConnectionView(model.connection());
        ResourceTableView table = new ResourceTableView(model.table(), model, model.rowActions());
        ActionsView actions = new ActionsView(model.actions(), model, model.rowActions());
        HBox.setHgrow(actions, Priority.ALWAYS);
        // With several contexts connected, the table says whose objects it lists.
        Label context = new Label();
        context.setId("table-context");
        context.getStyleClass().add("context-chip");
        context.setGraphic(Icons.of(Icons.CONTEXT));
        table.toolbar().getChildren().addAll(context,
                new RowActionButton("edit-yaml", "YAML", Icons.EDIT, model.rowActions(), model),
                new RowActionButton("logs", "Logs", Icons.LOGS, model.rowActions(), model), actions);
        model.rowActions().contribute(LogsTabs.action(tabs, model.cluster().sessionProperty()::get, model.tasks(),
                () -> LineRing.capacityFrom(model.settings().current())));
        WorkspaceTab details = new WorkspaceTab("details", "Details", Icons.DETAILS, () -> new DetailsView(model.details(), model, model.detailExtras()));
        tabs.open(details);
        learning = new WorkspaceTab("learning", "Learn", Icons.LEARN, () -> new LearningView(model.learning(), model, model.examples()));
        EditorLauncher editorLauncher = new EditorLauncher(model.editors(), tabs, model.rowActions(), model,
                model.cluster().registry().builtIn());
        model.editorTabs(editorLauncher::open);
        table.toolbar().getChildren().add(editorLauncher);
        SplitPane explorer = new SplitPane(table, tabs);
        explorer.setId("explorer-split");
        explorer.setOrientation(Orientation.VERTICAL);
        explorer.setDividerPositions(0.6);
        StackPane centre = new StackPane(connection, explorer);
        SplitPane split = new SplitPane(navigator, centre);
        split.setId("main-split");
        split.setDividerPositions(0.26);
        SplitPane.setResizableWithParent(navigator, false);
        setCenter(new StackPane(split, new QuickSwitcherView(model.switcher())));
        setBottom(new StatusBarView(model.statusBar()));

        MainToolbar toolbar = new MainToolbar();
        toolbar.back.setOnAction(e -> model.back());
        toolbar.forward.setOnAction(e -> model.forward());
        toolbar.smaller.setOnAction(e -> model.appearance().smaller());
        toolbar.larger.setOnAction(e -> model.appearance().larger());
        toolbar.theme.setOnAction(e -> model.appearance().toggleTheme());
        toolbar.search.setOnAction(e -> model.switcher().open());
        toolbar.help.setOnAction(e -> ShortcutSheet.show(getScene().getWindow()));
        toolbar.learn.setOnAction(e -> openLearning());
        WorkspaceTab labs = new WorkspaceTab("labs", "Labs", Icons.LABS, () -> new LabsView(model.labs(), model.cluster().sandbox()));
        openLabs = () -> tabs.open(labs);
        toolbar.labs.setOnAction(e -> openLabs.run());
        PortForwards forwards = new PortForwards(model.forwards(), model.tasks(), tabs);
        toolbar.getItems().add(toolbar.getItems().indexOf(toolbar.labs) + 1, forwards.toolbarButton());
        VBox top = new VBox(toolbar);
        setTop(top);
        VBox banner = new VBox();
        banner.setId("config-problems");
        banner.getStyleClass().add("config-problems");
        InvalidationListener showProblems = change -> {
            banner.getChildren().clear();
            for (Problem problem : model.cluster().contexts().problems()) {
                Label line = new Label("Kubeconfig: " + problem.message());
                line.setWrapText(true);
                banner.getChildren().add(line);
            }
            for (String notice : model.notices()) {
                Label line = new Label(notice);
                line.setWrapText(true);
                banner.getChildren().add(line);
            }
            if (banner.getChildren().isEmpty()) {
                top.getChildren().remove(banner);
            } else if (!top.getChildren().contains(banner)) {
                top.getChildren().add(banner);
            }
        };
        // The table replaces the connection pane once there is a kind to show on a connected cluster.
        Runnable swap = () -> {
            boolean showTable = model.cluster().stateProperty().get() == ConnectionState.CONNECTED
                    && model.placeProperty().get().kind() != null;
            explorer.setVisible(showTable);
            connection.setVisible(!showTable);
        };
        Lifecycle.whileAttached(this, () -> {
            model.cluster().contexts().problems().addListener(showProblems);
            model.notices().addListener(showProblems);
            showProblems.invalidated(null);
            context.textProperty().bind(model.cluster().activeContextProperty().map(ContextInfo::name).orElse(""));
            return Subscription.combine(
                    () -> model.cluster().contexts().problems().removeListener(showProblems),
                    () -> model.notices().removeListener(showProblems),
                    context.textProperty()::unbind,
                    model.cluster().stateProperty().subscribe(v -> swap.run()),
                    model.placeProperty().subscribe(v -> swap.run()),
                    // Choosing an object shows its details, reopening their tab if it was closed; unless the
                    // learning tab is in front, which follows the choice itself.
                    model.placeProperty().subscribe(place -> {
                        if (place.object() != null && !tabs.inFront(learning)) {
                            tabs.open(details);
                        }
                    }),
                    installReopenKey(tabs),
                    forwards.contribute(model.rowActions(), model.detailExtras(), () -> getScene().getWindow()),
                    installLearningKey(),
                    model.cluster().readOnlyProperty().subscribe(readOnly -> {
                        toolbar.readOnly.setVisible(readOnly);
                        toolbar.readOnly.setManaged(readOnly);
                    }),
                    model.canGoBackProperty().subscribe(can -> toolbar.back.setDisable(!can)),
                    model.canGoForwardProperty().subscribe(can -> toolbar.forward.setDisable(!can)),
                    model.appearance().darkProperty().subscribe(this::applyTheme),
                    model.appearance().fontSizeProperty().subscribe(size -> setStyle("-fx-font-size: " + size + "px;")),
                    Keys.install(this, model));
        });
    }

    /** Opens the labs tab (the toolbar's Labs button; --labs for a snapshot). */
    void openLabs() {
        openLabs.run();
    }

    private Subscription installReopenKey(WorkspaceTabs tabs) {
        KeyCombination reopen = new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
        getScene().getAccelerators().put(reopen, tabs::reopenClosed);
        return () -> getScene().getAccelerators().remove(reopen);
    }

    /** F2 opens the learning tab; a filter, because the table takes F2 (to edit a cell) before any accelerator. */
    private Subscription installLearningKey() {
        KeyCombination f2 = new KeyCodeCombination(KeyCode.F2);
        EventHandler<KeyEvent> filter = event -> {
            if (f2.match(event)) {
                event.consume();
                openLearning();
            }
        };
        getScene().addEventFilter(KeyEvent.KEY_PRESSED, filter);
        return () -> getScene().removeEventFilter(KeyEvent.KEY_PRESSED, filter);
    }

    /** Opens the learning tab (F2, the toolbar's Learn), or brings it forward. */
    public void openLearning() {
        tabs.open(learning);
    }

    /** AtlantaFX's Primer themes, light or dark, under our own stylesheet (which reads their colours). */
    private void applyTheme(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        getStyleClass().remove("dark");
        if (dark) {
            getStyleClass().add("dark");
        }
    }
}

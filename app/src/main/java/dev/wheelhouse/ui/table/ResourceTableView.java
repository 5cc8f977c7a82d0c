package dev.wheelhouse.ui.table;

import atlantafx.base.controls.CustomTextField;
import dev.wheelhouse.kinds.Cells;
import java.time.Duration;
import java.time.Instant;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedColumn;
import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.common.RowAction;
import dev.wheelhouse.ui.common.RowActions;
import dev.wheelhouse.ui.common.Workspace;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The live table of the chosen kind: a filter box and a bar for other features' buttons above it,
 * the columns the API server prints for {@code kubectl get -o wide}, sortable by value, status colour-coded. Row actions that features
 * contribute appear in the rows' context menu and answer their keys. Ctrl+F filters.
 */
public final class ResourceTableView extends VBox {
    private final ResourceTableViewModel table;
    private final Workspace workspace;
    private final RowActions rowActions;
    private final TableView<ResourceRow> view = new TableView<>();
    private final HBox toolbar = new HBox(8);
    private final Label summary = new Label();
    private final Label placeholder = new Label();
    /** The selected row's object: a live update briefly clears the selection, and this survives it. */
    private KubeObject selectedObject;
    /** Counts seconds while the table is on screen; Age cells listen to it. */
    private final LongProperty ticks = new SimpleLongProperty();

    public ResourceTableView(ResourceTableViewModel table, Workspace workspace, RowActions rowActions) {
        this.table = table;
        this.workspace = workspace;
        this.rowActions = rowActions;
        setId("resource-table");
        TextField filter = clearableField();
        filter.setId("filter");
        filter.setPromptText("Filter: name, or label=value");
        HBox.setHgrow(filter, Priority.SOMETIMES);
        HBox.setHgrow(toolbar, Priority.ALWAYS);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        summary.setId("table-summary");
        summary.getStyleClass().add("table-summary");
        HBox bar = new HBox(8, filter, toolbar);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));

        SortedList<ResourceRow> sorted = new SortedList<>(table.visibleRows());
        sorted.comparatorProperty().bind(view.comparatorProperty());
        view.setItems(sorted);
        view.setId("rows");
        // The header's menu button chooses which columns show.
        view.setTableMenuButtonVisible(true);
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        placeholder.getStyleClass().add("table-placeholder");
        view.setPlaceholder(placeholder);
        view.setRowFactory(t -> new HealthRow());
        view.setContextMenu(new ContextMenu());
        view.getContextMenu().setOnShowing(e -> fillContextMenu());
        VBox.setVgrow(view, Priority.ALWAYS);
        getChildren().setAll(bar, summary, view);
        summary.setPadding(new Insets(0, 6, 4, 6));
        view.setOnKeyPressed(e -> actionFor(e).ifPresent(action -> {
            e.consume();
            action.run().accept(workspace.placeProperty().get());
        }));

        Lifecycle.whileAttached(this, () -> {
            filter.textProperty().bindBidirectional(table.filterProperty());
            ListChangeListener<ResourceRow> rowsChanged = c -> {
                refreshSummary();
                keepSelection();
                selectWanted();
            };
            table.visibleRows().addListener(rowsChanged);
            table.activate();
            refreshSummary();
            rebuildColumns();
            return Subscription.combine(
                    () -> filter.textProperty().unbindBidirectional(table.filterProperty()),
                    () -> table.visibleRows().removeListener(rowsChanged),
                    table::deactivate,
                    table.columnsProperty().subscribe(columns -> rebuildColumns()),
                    table.kindProperty().subscribe(kind -> selectedObject = null),
                    table.stateProperty().subscribe(state -> refreshSummary()),
                    table.wantedProperty().subscribe(name -> selectWanted()),
                    view.getSelectionModel().selectedItemProperty().subscribe(this::selected),
                    installShortcut(filter),
                    tickEverySecond());
        });
    }

    /** AtlantaFX's field with a cross that clears it, shown once there is something to clear. */
    private static TextField clearableField() {
        CustomTextField field = new CustomTextField();
        FontIcon clear = Icons.of(Icons.CLEAR);
        clear.setId("clear-filter");
        clear.setCursor(Cursor.HAND);
        clear.setOnMouseClicked(e -> field.clear());
        clear.visibleProperty().bind(field.textProperty().isNotEmpty());
        field.setRight(clear);
        return field;
    }

    private Subscription tickEverySecond() {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> ticks.set(ticks.get() + 1)));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
        return timeline::stop;
    }

    /** Where other features put their buttons (the app adds the actions bar here). */
    public HBox toolbar() {
        return toolbar;
    }

    private Subscription installShortcut(TextField filter) {
        KeyCombination find = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
        getScene().getAccelerators().put(find, filter::requestFocus);
        return () -> {
            if (getScene() != null) {
                getScene().getAccelerators().remove(find);
            }
        };
    }

    private void selected(ResourceRow now) {
        // A live update briefly clears the selection; the object survives it (see keepSelection).
        if (now != null) {
            selectedObject = now.object();
        }
        KindDescriptor kind = table.kindProperty().get();
        if (now != null && kind != null) {
            workspace.showObject(table.namespace(), kind, now.object());
        }
    }

    private Optional<RowAction> actionFor(KeyEvent key) {
        Workspace.Place place = workspace.placeProperty().get();
        if (place.object() == null) {
            return Optional.empty();
        }
        return rowActions.list().stream().filter(a -> a.key() != null && a.key().match(key) && a.applies().test(place)).findFirst();
    }

    private void fillContextMenu() {
        Workspace.Place place = workspace.placeProperty().get();
        view.getContextMenu().getItems().clear();
        if (place.object() == null) {
            return;
        }
        for (RowAction action : rowActions.list()) {
            if (action.applies().test(place)) {
                MenuItem item = new MenuItem(action.label());
                item.setId("menu-" + action.id());
                item.setAccelerator(action.key());
                item.setOnAction(e -> action.run().accept(place));
                view.getContextMenu().getItems().add(item);
            }
        }
    }

    /** Selects the object a followed link asked for, once its row is there. */
    private void selectWanted() {
        String name = table.wantedProperty().get();
        if (name == null) {
            return;
        }
        view.getItems().stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(row -> {
            table.wantedProperty().set(null);
            view.getSelectionModel().select(row);
            view.scrollTo(row);
        });
    }

    /**
     * A live update replaces the selected row's object; select the new one, so actions stay at hand. When the
     * object is gone, its successor takes its place (see {@link ResourceTableViewModel#sameOrSuccessor}).
     */
    private void keepSelection() {
        ResourceRow current = view.getSelectionModel().getSelectedItem();
        KubeObject was = selectedObject;
        if (was == null || (current != null && current.object().uid().equals(was.uid()))) {
            return;
        }
        Optional<ResourceRow> same = ResourceTableViewModel.sameOrSuccessor(view.getItems(), was);
        if (same.isEmpty()) {
            if (current == null) {
                selectedObject = null;
            }
        } else if (same.get() == current) {
            // Selected already (the update kept the index): the details still show the object that went.
            selected(current);
        } else {
            view.getSelectionModel().select(same.get());
        }
    }

    /** The server's columns, after Name (and, for all namespaces, Namespace first, as {@code kubectl get -A}). */
    private void rebuildColumns() {
        KindDescriptor kind = table.kindProperty().get();
        view.getColumns().clear();
        if (kind == null) {
            return;
        }
        if (table.showsNamespaceColumn()) {
            view.getColumns().add(column("Namespace", ResourceRow::namespace, Comparator.comparing(ResourceRow::namespace)));
        }
        TableColumn<ResourceRow, ResourceRow> name = column("Name", ResourceRow::name, Comparator.comparing(ResourceRow::name));
        // Health as a shape beside the name, so it never rests on colour alone.
        name.setCellFactory(c -> new HealthNameCell());
        view.getColumns().add(name);
        List<PrintedColumn> printed = table.columnsProperty().get();
        for (int i = 0; i < printed.size(); i++) {
            int index = i;
            PrintedColumn definition = printed.get(i);
            TableColumn<ResourceRow, ResourceRow> column = column(definition.name(), row -> CellOrder.cell(row, index),
                    CellOrder.of(definition, index));
            if (definition.name().equals("Status") || definition.name().equals("Ready")) {
                column.getStyleClass().add("status-column");
            }
            if (definition.name().equals("Age")) {
                column.setCellFactory(c -> new AgeCell(ticks, index));
            }
            view.getColumns().add(column);
        }
    }

    private static TableColumn<ResourceRow, ResourceRow> column(String title, Function<ResourceRow, String> text,
                                                               Comparator<ResourceRow> order) {
        TableColumn<ResourceRow, ResourceRow> column = new TableColumn<>(title);
        column.setCellValueFactory(data -> new ReadOnlyObjectWrapper<>(data.getValue()));
        column.setComparator(order);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ResourceRow row, boolean empty) {
                super.updateItem(row, empty);
                setText(empty || row == null ? null : text.apply(row));
            }
        });
        column.setPrefWidth(title.equals("Name") ? 280 : Math.max(90, title.length() * 11));
        return column;
    }

    /**
     * Age as it is now, not as it was when the server printed the row: worked out from the object's
     * creation time on every tick. Only the cells on screen exist, so only visible ages are refreshed.
     */
    private static final class AgeCell extends TableCell<ResourceRow, ResourceRow> {
        private final InvalidationListener tick = o -> show(getItem());
        private final int index;

        AgeCell(LongProperty ticks, int index) {
            this.index = index;
            ticks.addListener(new WeakInvalidationListener(tick));
        }

        @Override
        protected void updateItem(ResourceRow row, boolean empty) {
            super.updateItem(row, empty);
            show(empty ? null : row);
        }

        private void show(ResourceRow row) {
            setText(row == null ? null : row.object().creationTimestamp()
                    .map(created -> Cells.age(Duration.between(created, Instant.now())))
                    .orElse(CellOrder.cell(row, index)));
        }
    }

    private static final class HealthNameCell extends TableCell<ResourceRow, ResourceRow> {
        private final FontIcon icon = Icons.of(Icons.CONTEXT);

        @Override
        protected void updateItem(ResourceRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(row.name());
            Icons.showHealth(icon, row.health());
            setGraphic(icon);
        }
    }

    private void refreshSummary() {
        summary.setText(table.summary());
        placeholder.setText(switch (table.stateProperty().get()) {
            case LOADING -> "Loading…";
            case PROBLEM -> table.problemProperty().get().message();
            default -> table.rows().isEmpty() && table.kindProperty().get() != null
                    ? "No " + table.kindProperty().get().title() + " here." : "Nothing matches the filter.";
        });
        summary.getStyleClass().remove("problem");
        if (table.stateProperty().get() == ResourceTableViewModel.LoadState.PROBLEM) {
            summary.getStyleClass().add("problem");
        }
    }

    /**
     * Colours a row's status cells by its health. Pseudo-classes, not style classes: rows are reused
     * as the table scrolls, and changing style classes would make JavaFX re-cache CSS every time.
     */
    private static final class HealthRow extends TableRow<ResourceRow> {
        private static final Map<Health, PseudoClass> STATES = new EnumMap<>(Health.class);

        static {
            for (Health health : Health.values()) {
                STATES.put(health, PseudoClass.getPseudoClass("health-" + health.name().toLowerCase()));
            }
        }

        @Override
        protected void updateItem(ResourceRow row, boolean empty) {
            super.updateItem(row, empty);
            for (Map.Entry<Health, PseudoClass> state : STATES.entrySet()) {
                pseudoClassStateChanged(state.getValue(), !empty && row != null && row.health() == state.getKey());
            }
        }
    }
}

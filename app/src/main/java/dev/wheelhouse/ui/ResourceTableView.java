package dev.wheelhouse.ui;

import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.model.KubeObject;
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
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The live table of the chosen kind: a filter box and the actions above it, sortable columns as
 * kubectl prints them, status colour-coded. Delete asks first, naming the object.
 * Keys: Ctrl+F filters, Delete deletes the selected object.
 */
final class ResourceTableView extends VBox {
    private final MainViewModel model;
    private final ResourceTableViewModel table;
    private final TableView<ResourceRow> view = new TableView<>();
    private final Label summary = new Label();
    private final Label result = new Label();
    private final Label placeholder = new Label();
    private final Button delete = new Button("Delete");
    private final Button scale = new Button("Scale…");
    private final Button restart = new Button("Restart");
    private final Button cordon = new Button("Cordon");
    private final Button uncordon = new Button("Uncordon");
    private String selectedUid;

    ResourceTableView(MainViewModel model) {
        this.model = model;
        this.table = model.table();
        setId("resource-table");
        TextField filter = new TextField();
        filter.setId("filter");
        filter.setPromptText("Filter: name, or label=value");
        filter.textProperty().bindBidirectional(table.filterProperty());
        HBox.setHgrow(filter, Priority.SOMETIMES);
        delete.setId("delete");
        scale.setId("scale");
        restart.setId("restart");
        cordon.setId("cordon");
        uncordon.setId("uncordon");
        result.setId("action-result");
        result.getStyleClass().add("action-result");
        summary.setId("table-summary");
        summary.getStyleClass().add("table-summary");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, filter, delete, scale, restart, cordon, uncordon, spacer, result);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));

        SortedList<ResourceRow> sorted = new SortedList<>(table.visibleRows());
        sorted.comparatorProperty().bind(view.comparatorProperty());
        view.setItems(sorted);
        view.setId("rows");
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        placeholder.getStyleClass().add("table-placeholder");
        view.setPlaceholder(placeholder);
        view.setRowFactory(t -> new HealthRow());
        VBox.setVgrow(view, Priority.ALWAYS);
        getChildren().setAll(bar, summary, view);
        summary.setPadding(new Insets(0, 6, 4, 6));

        table.columnTitlesProperty().addListener(observable -> rebuildColumns());
        table.kindProperty().addListener((obs, was, now) -> selectedUid = null);
        table.stateProperty().addListener((obs, was, now) -> refreshSummary());
        table.visibleRows().addListener((ListChangeListener<ResourceRow>) c -> {
            refreshSummary();
            keepSelection();
            selectWanted();
        });
        table.wantedProperty().addListener((obs, was, now) -> selectWanted());
        view.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            // A live update briefly clears the selection; the uid survives it (see keepSelection).
            if (now != null) {
                selectedUid = now.object().uid();
            }
            refreshActions();
            if (now != null && table.kindProperty().get() != null) {
                model.showObject(model.selectedNamespaceProperty().get(), table.kindProperty().get(), now.object());
            }
        });
        model.lastResultProperty().addListener((obs, was, now) -> result.setText(now));
        model.lastResultFailedProperty().addListener((obs, was, now) -> {
            result.getStyleClass().remove("failed");
            if (now) {
                result.getStyleClass().add("failed");
            }
        });
        delete.setOnAction(e -> confirmDelete());
        scale.setOnAction(e -> askScale());
        restart.setOnAction(e -> selected().ifPresent(o -> model.restart(table.kindProperty().get(), o)));
        cordon.setOnAction(e -> selected().ifPresent(o -> model.setCordoned(table.kindProperty().get(), o, true)));
        uncordon.setOnAction(e -> selected().ifPresent(o -> model.setCordoned(table.kindProperty().get(), o, false)));
        view.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                confirmDelete();
            }
        });
        sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), filter::requestFocus);
            }
        });
        refreshActions();
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

    /** A live update replaces the selected row's object; select the new one, so actions stay at hand. */
    private void keepSelection() {
        ResourceRow current = view.getSelectionModel().getSelectedItem();
        if (selectedUid == null || (current != null && current.object().uid().equals(selectedUid))) {
            return;
        }
        Optional<ResourceRow> same = view.getItems().stream().filter(r -> r.object().uid().equals(selectedUid)).findFirst();
        if (same.isPresent()) {
            view.getSelectionModel().select(same.get());
        } else if (current == null) {
            selectedUid = null;
        }
    }

    private void rebuildColumns() {
        KindDescriptor kind = table.kindProperty().get();
        view.getColumns().clear();
        if (kind == null) {
            return;
        }
        view.getColumns().add(column("Name", row -> row.name(), Comparator.comparing(ResourceRow::name)));
        if (table.showsNamespaceColumn()) {
            view.getColumns().add(column("Namespace", ResourceRow::namespace, Comparator.comparing(ResourceRow::namespace)));
        }
        List<String> titles = table.columnTitlesProperty().get();
        for (int i = 0; i < titles.size(); i++) {
            int index = i;
            // Text columns sort by the cells already computed; numbers and times by the kind's own order.
            Comparator<KubeObject> own = kind.usesServerTable() ? null : kind.columns().get(i).order();
            Comparator<ResourceRow> order = own == null
                    ? Comparator.comparing(row -> cell(row, index), String.CASE_INSENSITIVE_ORDER)
                    : Comparator.comparing(ResourceRow::object, own);
            TableColumn<ResourceRow, ResourceRow> column = column(titles.get(i), row -> cell(row, index), order);
            if (titles.get(i).equals("Status") || titles.get(i).equals("Ready")) {
                column.getStyleClass().add("status-column");
            }
            view.getColumns().add(column);
        }
    }

    private static String cell(ResourceRow row, int index) {
        return index < row.cells().size() ? row.cells().get(index) : "";
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

    private void refreshActions() {
        KindDescriptor kind = table.kindProperty().get();
        boolean chosen = selected().isPresent() && kind != null;
        delete.setDisable(!chosen);
        scale.setDisable(!chosen || !kind.can(Capability.SCALABLE));
        restart.setDisable(!chosen || !kind.can(Capability.RESTARTABLE));
        boolean node = chosen && kind.can(Capability.CORDONABLE);
        boolean cordoned = node && "true".equals(selected().get().string("spec.unschedulable"));
        cordon.setVisible(node && !cordoned);
        cordon.setManaged(cordon.isVisible());
        uncordon.setVisible(node && cordoned);
        uncordon.setManaged(uncordon.isVisible());
        scale.setVisible(kind == null || kind.can(Capability.SCALABLE));
        scale.setManaged(scale.isVisible());
        restart.setVisible(kind == null || kind.can(Capability.RESTARTABLE));
        restart.setManaged(restart.isVisible());
    }

    private Optional<KubeObject> selected() {
        return Optional.ofNullable(view.getSelectionModel().getSelectedItem()).map(ResourceRow::object);
    }

    private void confirmDelete() {
        KindDescriptor kind = table.kindProperty().get();
        selected().ifPresent(object -> {
            String what = kind.kind() + " " + (object.namespace().isEmpty() ? "" : object.namespace() + "/") + object.name();
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + what + "?\n\nkubectl delete "
                    + kind.type().qualifiedPlural() + " " + object.name() + (object.namespace().isEmpty() ? "" : " -n " + object.namespace()),
                    ButtonType.CANCEL, ButtonType.OK);
            confirm.setHeaderText("Delete " + what);
            confirm.initOwner(getScene().getWindow());
            confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.delete(kind, object));
        });
    }

    private void askScale() {
        KindDescriptor kind = table.kindProperty().get();
        selected().ifPresent(object -> {
            TextInputDialog dialog = new TextInputDialog(String.valueOf(object.number("spec.replicas", 1)));
            dialog.setHeaderText("Scale " + kind.kind() + " " + object.name());
            dialog.setContentText("Replicas:");
            dialog.initOwner(getScene().getWindow());
            dialog.showAndWait().ifPresent(text -> {
                try {
                    model.scale(kind, object, Integer.parseInt(text.trim()));
                } catch (NumberFormatException e) {
                    model.lastResultProperty().set("Replicas must be a whole number, not \"" + text + "\".");
                    model.lastResultFailedProperty().set(true);
                }
            });
        });
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

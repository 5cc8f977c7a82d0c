package dev.wheelhouse.ui.portforward;

import dev.wheelhouse.service.FavouriteForwards.Favourite;
import dev.wheelhouse.service.Forward;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.portforward.ForwardsViewModel.ForwardRow;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The forwards panel: every forward across contexts with its target, local URL, state, connections and bytes
 * each way; open in the browser, copy the URL, mark favourite, stop; stop all, and start a favourite again.
 */
public final class ForwardsView extends BorderPane {
    private final ForwardsViewModel model;
    private final BackgroundTasks tasks;
    private final TableView<ForwardRow> table = new TableView<>();
    private final Label notice = new Label();

    public ForwardsView(ForwardsViewModel model, BackgroundTasks tasks) {
        this.model = model;
        this.tasks = tasks;
        setId("forwards");
        table.setId("forwards-table");
        table.setItems(model.rows());
        table.setPlaceholder(new Label("No forwards. Turn one on beside a port in an object's details, or use Forward… on a row."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        // The buttons first and the numbers before the long names, so a narrow panel shows what matters; it scrolls.
        table.getColumns().setAll(List.of(
                actionsColumn(),
                text("Target", ForwardRow::target, 230),
                urlColumn(),
                stateColumn(),
                text("Conn.", r -> Integer.toString(r.connections()), 55),
                text("In", r -> ForwardsViewModel.bytes(r.bytesIn()), 80),
                text("Out", r -> ForwardsViewModel.bytes(r.bytesOut()), 80),
                text("Pod", ForwardRow::pod, 230),
                text("Context", ForwardRow::context, 150)));

        Button stopAll = new Button("Stop all", new FontIcon(MaterialDesignS.STOP_CIRCLE_OUTLINE));
        stopAll.setId("stop-all-forwards");
        stopAll.setOnAction(e -> model.stopAll());
        MenuButton favourites = new MenuButton("Favourites", new FontIcon(MaterialDesignS.STAR_OUTLINE));
        favourites.setId("favourite-forwards");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        notice.getStyleClass().add("action-result");
        HBox bar = new HBox(8, favourites, notice, spacer, stopAll);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        setTop(bar);
        setCenter(table);

        ListChangeListener<Favourite> fillFavourites = c -> {
            favourites.getItems().setAll(model.favourites().stream().map(f -> {
                MenuItem item = new MenuItem("Start " + f.target() + (f.localPort() > 0 ? " on :" + f.localPort() : ""));
                item.setOnAction(e -> model.startFavourite(f));
                return item;
            }).toList());
            favourites.setDisable(model.favourites().isEmpty());
        };
        // Byte counts change with every packet: read them once a second while the panel shows.
        Timeline ticks = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.refresh()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        Lifecycle.whileAttached(this, () -> {
            model.favourites().addListener(fillFavourites);
            fillFavourites.onChanged(null);
            model.refresh();
            ticks.play();
            return Subscription.combine(ticks::stop, () -> model.favourites().removeListener(fillFavourites));
        });
    }

    private static TableColumn<ForwardRow, String> text(String title, Function<ForwardRow, String> value, double width) {
        TableColumn<ForwardRow, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setPrefWidth(width);
        // Counts stay readable however the panel is squeezed.
        column.setMinWidth(Math.min(width, 80));
        return column;
    }

    private TableColumn<ForwardRow, ForwardRow> urlColumn() {
        TableColumn<ForwardRow, ForwardRow> column = new TableColumn<>("Local URL");
        column.setPrefWidth(170);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Hyperlink link = new Hyperlink();

            @Override
            protected void updateItem(ForwardRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || row.url().isEmpty()) {
                    setGraphic(null);
                    return;
                }
                link.setText(row.url());
                link.setOnAction(e -> Browser.open(tasks, row.url(), notice::setText));
                setGraphic(link);
            }
        });
        return column;
    }

    private TableColumn<ForwardRow, ForwardRow> stateColumn() {
        TableColumn<ForwardRow, ForwardRow> column = new TableColumn<>("State");
        column.setPrefWidth(140);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(ForwardRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeIf(s -> s.startsWith("state-"));
                if (empty || row == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                String label = switch (row.state()) {
                    case ACTIVE -> "Active";
                    case WAITING -> "Waiting";
                    case ERROR -> "Error";
                    case STOPPED -> "Stopped";
                };
                setText(row.message().isEmpty() ? label : label + ": " + row.message());
                setTooltip(row.message().isEmpty() ? null : new Tooltip(row.message()));
                getStyleClass().add(STATE_STYLES.get(row.state()));
            }
        });
        return column;
    }

    private static final Map<Forward.State, String> STATE_STYLES = Map.of(
            Forward.State.ACTIVE, "state-connected", Forward.State.WAITING, "state-connecting",
            Forward.State.ERROR, "state-failed", Forward.State.STOPPED, "state-no_context");

    private TableColumn<ForwardRow, ForwardRow> actionsColumn() {
        TableColumn<ForwardRow, ForwardRow> column = new TableColumn<>("");
        column.setMinWidth(150);
        column.setPrefWidth(150);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setCellFactory(c -> new TableCell<>() {
            private final Button open = icon(MaterialDesignO.OPEN_IN_NEW, "Open in the browser");
            private final Button copy = icon(MaterialDesignC.CONTENT_COPY, "Copy the URL");
            private final Button favourite = icon(MaterialDesignS.STAR_OUTLINE, "Favourite: start it again later in one click");
            private final Button stop = icon(MaterialDesignS.STOP, "Stop this forward");
            private final Button retarget = icon(MaterialDesignS.SWAP_HORIZONTAL, "Pod gone: forward to the Pods of its owner instead");
            private final HBox buttons = new HBox(2, open, copy, favourite, stop);

            {
                open.getStyleClass().add("forward-open");
                copy.getStyleClass().add("forward-copy");
                favourite.getStyleClass().add("forward-favourite");
                stop.getStyleClass().add("forward-stop");
                retarget.getStyleClass().add("forward-retarget");
            }

            @Override
            protected void updateItem(ForwardRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null) {
                    setGraphic(null);
                    return;
                }
                open.setDisable(row.url().isEmpty());
                copy.setDisable(row.url().isEmpty());
                open.setOnAction(e -> Browser.open(tasks, row.url(), notice::setText));
                copy.setOnAction(e -> {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(row.url());
                    Clipboard.getSystemClipboard().setContent(content);
                    notice.setText("Copied " + row.url());
                });
                ((FontIcon) favourite.getGraphic()).setIconCode(row.favourite() ? MaterialDesignS.STAR : MaterialDesignS.STAR_OUTLINE);
                favourite.setOnAction(e -> model.setFavourite(row, !row.favourite()));
                stop.setOnAction(e -> model.stop(row));
                retarget.setOnAction(e -> model.retarget(row));
                // Re-targeting stands in for opening, which a forward without its Pod cannot do.
                buttons.getChildren().set(0, row.replacement().isPresent() ? retarget : open);
                setGraphic(buttons);
            }
        });
        return column;
    }

    private static Button icon(Ikon ikon, String tip) {
        Button button = new Button(null, new FontIcon(ikon));
        button.getStyleClass().add("flat");
        button.setStyle("-fx-padding: 2 6 2 6;");
        button.setTooltip(new Tooltip(tip));
        return button;
    }
}

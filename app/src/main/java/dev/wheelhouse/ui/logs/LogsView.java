package dev.wheelhouse.ui.logs;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.service.LogState;
import dev.wheelhouse.service.LogTarget;
import dev.wheelhouse.ui.common.Lifecycle;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Subscription;

/**
 * A log tab: options on top (container, follow, previous, timestamps, wrap, since, tail lines, save), search
 * and filter under them, the lines in a virtualized list (only visible lines become nodes), and for a workload
 * its pods on the left to mute or solo. Scrolling up pauses following; End (or the bar) resumes. The tail runs
 * while the tab is in a window: closing the tab closes it, cancelling its requests.
 */
public final class LogsView extends BorderPane {
    private static final Map<String, Long> SINCE = new LinkedHashMap<>();
    private static final Map<String, Long> TAIL = new LinkedHashMap<>();

    static {
        SINCE.put("all time", 0L);
        SINCE.put("5 min", 300L);
        SINCE.put("15 min", 900L);
        SINCE.put("1 hour", 3600L);
        SINCE.put("6 hours", 21_600L);
        SINCE.put("1 day", 86_400L);
        TAIL.put("last 100", 100L);
        TAIL.put("last 1,000", 1000L);
        TAIL.put("last 10,000", 10_000L);
        TAIL.put("all lines", -1L);
    }

    private static final String ALL_CONTAINERS = "All containers";
    private static final javafx.css.PseudoClass NOWRAP = javafx.css.PseudoClass.getPseudoClass("nowrap");

    private final LogsViewModel model;
    private final ListView<LogLine> list = new ListView<>();
    private final VBox podList = new VBox();

    public LogsView(LogsViewModel model) {
        this.model = model;
        setId("logs-view");
        getStyleClass().add("logs-view");
        getStylesheets().add(LogsView.class.getResource("logs.css").toExternalForm());

        ComboBox<String> container = new ComboBox<>();
        container.setId("log-container");
        ToggleButton follow = toggle("Follow", "log-follow");
        ToggleButton previous = toggle("Previous", "log-previous");
        ToggleButton timestamps = toggle("Timestamps", "log-timestamps");
        ToggleButton wrap = toggle("Wrap", "log-wrap");
        ComboBox<String> since = choices(SINCE, model.sinceSecondsProperty().get(), "log-since");
        ComboBox<String> tail = choices(TAIL, model.tailLinesProperty().get(), "log-tail");
        Button save = new Button("Save…");
        save.setId("log-save");
        Label state = new Label();
        state.setId("log-state");
        state.getStyleClass().add("log-state");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox options = new HBox(container, follow, previous, timestamps, wrap, since, tail, save, spacer, state);
        options.getStyleClass().add("log-toolbar");
        options.setAlignment(Pos.CENTER_LEFT);

        TextField search = new TextField();
        search.setId("log-search");
        search.setPromptText("Search (Enter: next, Shift+Enter: previous)");
        Button previousMatch = new Button("↑");
        previousMatch.setId("log-search-previous");
        Button nextMatch = new Button("↓");
        nextMatch.setId("log-search-next");
        TextField filter = new TextField();
        filter.setId("log-filter");
        filter.setPromptText("Show only lines with…");
        ToggleButton regex = toggle(".*", "log-regex");
        ToggleButton matchCase = toggle("Aa", "log-case");
        Label problem = new Label();
        problem.getStyleClass().add("log-problem");
        HBox.setHgrow(search, Priority.ALWAYS);
        HBox.setHgrow(filter, Priority.ALWAYS);
        HBox find = new HBox(search, previousMatch, nextMatch, filter, regex, matchCase, problem);
        find.getStyleClass().add("log-toolbar");
        find.setAlignment(Pos.CENTER_LEFT);
        VBox top = new VBox(options, find);
        LogTarget target = model.targetProperty().get();
        if (!target.isPod()) {
            TextField selector = new TextField(target.isSelector() ? target.selector() : "");
            selector.setId("log-selector");
            selector.setPromptText(target.isSelector() ? "Label selector, e.g. app=web" : "Or type a label selector: app=web");
            selector.setOnAction(e -> model.targetProperty().set(LogTarget.selector(target.namespace(), selector.getText())));
            Label of = new Label(target.isSelector() ? "Pods in " + target.namespace() + " with" : target.describe() + " in " + target.namespace());
            HBox.setHgrow(selector, Priority.ALWAYS);
            HBox selecting = new HBox(of, selector);
            selecting.getStyleClass().add("log-toolbar");
            selecting.setAlignment(Pos.CENTER_LEFT);
            top.getChildren().add(0, selecting);
        }
        setTop(top);

        list.getStyleClass().add("log-list");
        list.setId("log-lines");
        list.setItems(model.lines());
        list.setCellFactory(v -> new LogCell(model));
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        setCenter(list);
        if (!target.isPod()) {
            podList.getStyleClass().add("log-pods");
            ScrollPane pods = new ScrollPane(podList);
            pods.setId("log-pods");
            pods.setFitToWidth(true);
            pods.setPrefWidth(230);
            setLeft(pods);
        }

        Label pausedText = new Label();
        pausedText.setId("log-paused");
        Button resume = new Button("Follow again (End)");
        resume.setOnAction(e -> resume());
        // While following, the list holds the newest lines only (see LogsViewModel.VIEW_WINDOW).
        Button showAll = new Button("Show all held lines");
        showAll.setId("log-show-all");
        showAll.setOnAction(e -> {
            model.showAll();
            showAll.setVisible(false);
        });
        HBox pausedBar = new HBox(pausedText, resume, showAll);
        pausedBar.getStyleClass().add("log-paused-bar");
        pausedBar.setAlignment(Pos.CENTER_LEFT);
        Label notice = new Label();
        notice.setId("log-notice");

        // Scrolling up, or keys that move up, stop following; End follows again.
        list.addEventFilter(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() > 0) {
                model.pause();
            }
        });
        list.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case UP, PAGE_UP, HOME -> model.pause();
                case END -> {
                    resume();
                    e.consume();
                }
                default -> { }
            }
        });
        KeyCombination copy = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        list.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (copy.match(e)) {
                copySelection();
                e.consume();
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                show(model.findNext(!e.isShiftDown()));
            }
        });
        previousMatch.setOnAction(e -> show(model.findNext(false)));
        nextMatch.setOnAction(e -> show(model.findNext(true)));
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName(target.describe().replaceAll("[^A-Za-z0-9._-]+", "_") + ".log");
            File file = chooser.showSaveDialog(getScene().getWindow());
            if (file != null) {
                model.save(file.toPath());
            }
        });

        InvalidationListener redraw = o -> list.refresh();
        // One scroll per batch (a batch is a removal at the front and an addition at the end).
        ListChangeListener<LogLine> followNewest = change -> {
            boolean added = false;
            while (change.next()) {
                added |= change.wasAdded();
            }
            if (added && !model.pausedProperty().get()) {
                list.scrollTo(model.lines().size() - 1);
            }
        };
        Lifecycle.whileAttached(this, () -> {
            container.getItems().setAll(containerChoices());
            container.setValue(model.containerProperty().get().isEmpty() ? ALL_CONTAINERS : model.containerProperty().get());
            follow.selectedProperty().bindBidirectional(model.followProperty());
            // A previous instance has ended: there is nothing to follow.
            follow.disableProperty().bind(model.previousProperty());
            previous.selectedProperty().bindBidirectional(model.previousProperty());
            timestamps.selectedProperty().bindBidirectional(model.timestampsProperty());
            wrap.selectedProperty().bindBidirectional(model.wrapProperty());
            regex.selectedProperty().bindBidirectional(model.regexProperty());
            matchCase.selectedProperty().bindBidirectional(model.matchCaseProperty());
            search.textProperty().bindBidirectional(model.searchProperty());
            filter.textProperty().bindBidirectional(model.filterProperty());
            model.lines().addListener(followNewest);
            model.start();
            return Subscription.combine(
                    model::stop,
                    () -> model.lines().removeListener(followNewest),
                    () -> follow.selectedProperty().unbindBidirectional(model.followProperty()),
                    follow.disableProperty()::unbind,
                    () -> previous.selectedProperty().unbindBidirectional(model.previousProperty()),
                    () -> timestamps.selectedProperty().unbindBidirectional(model.timestampsProperty()),
                    () -> wrap.selectedProperty().unbindBidirectional(model.wrapProperty()),
                    () -> regex.selectedProperty().unbindBidirectional(model.regexProperty()),
                    () -> matchCase.selectedProperty().unbindBidirectional(model.matchCaseProperty()),
                    () -> search.textProperty().unbindBidirectional(model.searchProperty()),
                    () -> filter.textProperty().unbindBidirectional(model.filterProperty()),
                    subscribeInvalidations(redraw),
                    // Unwrapped lines are all one line high: the list then never measures a cell (see logs.css).
                    model.wrapProperty().subscribe(on -> list.pseudoClassStateChanged(NOWRAP, !on)),
                    container.valueProperty().subscribe(value -> {
                        if (value != null) {
                            model.containerProperty().set(value.equals(ALL_CONTAINERS) ? "" : value);
                        }
                    }),
                    since.valueProperty().subscribe(value -> {
                        if (value != null) {
                            model.sinceSecondsProperty().set(SINCE.get(value));
                        }
                    }),
                    tail.valueProperty().subscribe(value -> {
                        if (value != null) {
                            model.tailLinesProperty().set(TAIL.get(value));
                        }
                    }),
                    subscribeList(model.containers(), () -> {
                        String chosen = container.getValue();
                        container.getItems().setAll(containerChoices());
                        container.setValue(chosen);
                    }),
                    subscribeList(model.pods(), this::showPods),
                    model.stateProperty().subscribe(now -> {
                        state.getStyleClass().removeIf(c -> !c.equals("log-state") && !c.equals("label"));
                        state.getStyleClass().add(now.name().toLowerCase(Locale.ROOT));
                    }),
                    model.stateTextProperty().subscribe(state::setText),
                    model.patternProblemProperty().subscribe(problem::setText),
                    model.noticeProperty().subscribe(notice::setText),
                    model.pausedProperty().subscribe(paused -> {
                        setBottom(paused ? pausedBar : notice);
                        showAll.setVisible(paused && !model.showsEveryHeldLine());
                    }),
                    model.newWhilePausedProperty().subscribe(count -> pausedText.setText(
                            "Paused: " + String.format("%,d", count.intValue()) + " new line" + (count.intValue() == 1 ? "" : "s")
                                    + " below")));
        });
    }

    private Subscription subscribeInvalidations(InvalidationListener redraw) {
        List<javafx.beans.Observable> observed = List.of(model.timestampsProperty(), model.searchProperty(),
                model.currentMatchProperty(), model.regexProperty(), model.matchCaseProperty(), model.wrapProperty());
        observed.forEach(o -> o.addListener(redraw));
        return () -> observed.forEach(o -> o.removeListener(redraw));
    }

    private static Subscription subscribeList(javafx.collections.ObservableList<String> items, Runnable changed) {
        ListChangeListener<String> listener = change -> changed.run();
        items.addListener(listener);
        changed.run();
        return () -> items.removeListener(listener);
    }

    private List<String> containerChoices() {
        List<String> choices = new ArrayList<>();
        choices.add(ALL_CONTAINERS);
        choices.addAll(model.containers());
        String chosen = model.containerProperty().get();
        if (!chosen.isEmpty() && !choices.contains(chosen)) {
            choices.add(chosen);
        }
        return choices;
    }

    /** The pods, each with its colour, a box to show or mute it, and a link to show it alone. */
    private void showPods() {
        podList.getChildren().clear();
        Label title = new Label("Pods (" + model.pods().size() + ")");
        title.setStyle("-fx-font-weight: bold;");
        podList.getChildren().add(title);
        for (String pod : model.pods()) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("log-swatch", LogCell.sourceClass(model, pod));
            CheckBox shown = new CheckBox(pod);
            shown.setSelected(!model.muted().contains(pod));
            shown.selectedProperty().addListener((obs, was, now) -> model.mute(pod, !now));
            Hyperlink solo = new Hyperlink("solo");
            solo.setOnAction(e -> {
                model.solo(pod);
                showPods();
            });
            HBox row = new HBox(6, swatch, shown, solo);
            row.setAlignment(Pos.CENTER_LEFT);
            podList.getChildren().add(row);
        }
    }

    private void resume() {
        model.resume();
        if (!model.lines().isEmpty()) {
            list.scrollTo(model.lines().size() - 1);
        }
    }

    /** Selects and shows a search match (the model has paused following to let it stay in view). */
    private void show(int index) {
        if (index >= 0) {
            list.getSelectionModel().clearAndSelect(index);
            list.scrollTo(Math.max(0, index - 3));
        }
    }

    private void copySelection() {
        List<LogLine> selected = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (!selected.isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.plainText(selected));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private static ToggleButton toggle(String text, String id) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(id);
        return toggle;
    }

    private static ComboBox<String> choices(Map<String, Long> choices, long current, String id) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(choices.keySet());
        choices.forEach((label, value) -> {
            if (value == current) {
                box.setValue(label);
            }
        });
        if (box.getValue() == null) {
            box.setPromptText(Long.toString(current));
        }
        return box;
    }
}

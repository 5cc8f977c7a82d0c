package dev.wheelhouse.ui.editor;

import dev.wheelhouse.service.ApplyService;
import dev.wheelhouse.service.manifest.FieldDoc;
import dev.wheelhouse.service.manifest.ManifestProblem;
import dev.wheelhouse.ui.common.Lifecycle;
import java.io.File;
import java.util.Collection;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Subscription;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.wellbehaved.event.EventPattern;
import org.fxmisc.wellbehaved.event.InputMap;
import org.fxmisc.wellbehaved.event.Nodes;
import org.reactfx.EventStreams;

/**
 * One editor tab: the YAML in a code area (line numbers, highlighting, find and replace, go to line,
 * undo, Tab as two spaces, Ctrl+Space completion), the field under the caret explained on the right,
 * and below it the problems, the diff of the last dry run, the result per document, and the managed
 * fields. The toolbar runs dry run, apply (Force only once the server named conflicts), reload and save.
 */
public final class EditorView extends BorderPane {
    private static final Duration SETTLE = Duration.ofMillis(250);
    private final EditorViewModel model;
    private final CodeArea area = new CodeArea();
    private final HighlightPainter painter;
    private final Set<Integer> problemLines = new HashSet<>();
    private final Set<Integer> readOnlyLines = new HashSet<>();
    private final HBox findBar;
    private final TextField find = new TextField();
    private final TextField replace = new TextField();
    private final TabPane below = new TabPane();
    private final Tab diffTab;

    public EditorView(EditorViewModel model) {
        this.model = model;
        setId("editor-view");
        getStyleClass().add("editor-view");
        getStylesheets().add(EditorView.class.getResource("/dev/wheelhouse/ui/editor/editor.css").toExternalForm());
        area.setId("yaml-area");
        area.getStyleClass().add("yaml-area");
        area.replaceText(model.textProperty().get());
        area.getUndoManager().forgetHistory();
        painter = new HighlightPainter(area);
        lineNumbers();
        keys();

        Button dryRun = button("dry-run", "Dry run", "Send to the server with dryRun=All and show the diff", model::dryRun);
        Button apply = button("apply", "Apply", "Server-side apply, field manager wheelhouse", () -> model.apply(false));
        Button force = button("force-apply", "Force apply", "Take over the fields other managers own (--force-conflicts)",
                () -> model.apply(true));
        Button reload = button("reload", "Reload", "Discard the edits and fetch the object again", this::confirmReload);
        Button save = button("save", "Save as…", "Write the text to a local file", this::saveAs);
        ToggleButton managed = new ToggleButton("Managed fields");
        managed.setId("show-managed-fields");
        managed.setTooltip(new Tooltip("Show metadata.managedFields (read-only, never sent)"));
        Label command = new Label();
        command.setId("apply-command");
        command.getStyleClass().add("command-line");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToolBar toolbar = new ToolBar(dryRun, apply, force, reload, save, managed, spacer, command);

        Label bannerText = new Label("Changed on the server since this tab loaded it.");
        Button bannerReload = button("banner-reload", "Reload", "Fetch the object again (edits are lost)", this::confirmReload);
        Button bannerDiff = button("banner-diff", "Diff", "Dry run and show what applying would change now", model::dryRun);
        Button bannerApply = button("banner-apply", "Apply anyway", "Apply over the newer object", () -> model.applyAnyway(false));
        HBox banner = new HBox(8, bannerText, bannerReload, bannerDiff, bannerApply);
        banner.setId("changed-on-server");
        banner.getStyleClass().add("editor-banner");
        banner.setAlignment(Pos.CENTER_LEFT);

        findBar = findBar();
        Label message = new Label();
        message.setId("editor-message");
        message.getStyleClass().add("editor-message");
        message.setWrapText(true);
        message.setMaxHeight(80);
        VBox top = new VBox(toolbar, banner, findBar);
        setTop(top);

        VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
        FieldDocsPanel docs = new FieldDocsPanel();
        SplitPane editorAndDocs = new SplitPane(scroll, docs);
        editorAndDocs.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(docs, false);

        ListView<ManifestProblem> problems = new ListView<>(model.problems());
        problems.setId("editor-problems");
        problems.setCellFactory(list -> new ProblemCell());
        problems.setOnMouseClicked(e -> {
            ManifestProblem chosen = problems.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                goTo(chosen.line(), chosen.column());
            }
        });
        CodeArea diff = readOnlyArea("diff-area");
        CodeArea managedText = readOnlyArea("managed-fields-area");
        ListView<String> results = new ListView<>();
        results.setId("editor-results");
        Tab problemsTab = new Tab("Problems", problems);
        diffTab = new Tab("Diff", new VirtualizedScrollPane<>(diff));
        Tab resultsTab = new Tab("Results", results);
        Tab managedTab = new Tab("Managed fields", new VirtualizedScrollPane<>(managedText));
        below.getTabs().addAll(problemsTab, diffTab, resultsTab);
        below.getTabs().forEach(tab -> tab.setClosable(false));
        managedTab.setClosable(false);
        VBox bottom = new VBox(message, below);
        VBox.setVgrow(below, Priority.ALWAYS);
        SplitPane main = new SplitPane(editorAndDocs, bottom);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.6);
        setCenter(main);

        Lifecycle.whileAttached(this, () -> Subscription.combine(
                // Typing settles: check the text and keep it as a draft. (Not area.textProperty(): observing
                // it rebuilds the whole text on every key.)
                subscribe(area.plainTextChanges().successionEnds(SETTLE)
                        .subscribe(change -> model.edited(area.getText()))),
                subscribe(EventStreams.changesOf(area.caretPositionProperty()).successionEnds(Duration.ofMillis(120))
                        .subscribe(change -> model.caretMoved(area.getText(), area.getCurrentParagraph() + 1, area.getCaretColumn() + 1))),
                model.textProperty().subscribe(text -> {
                    if (!text.equals(area.getText())) {
                        area.replaceText(text);
                        area.getUndoManager().forgetHistory();
                        area.moveTo(0);
                    }
                }),
                model.dirtyProperty().subscribe(dirty -> save.setText(dirty ? "Save as… •" : "Save as…")),
                model.busyProperty().subscribe(busy -> List.of(dryRun, apply, force).forEach(b -> b.setDisable(busy))),
                watch(model.conflicts(), () -> {
                    force.setVisible(!model.conflicts().isEmpty());
                    force.setManaged(!model.conflicts().isEmpty());
                }),
                model.changedOnServerProperty().subscribe(changed -> {
                    banner.setVisible(changed);
                    banner.setManaged(changed);
                }),
                model.messageProperty().subscribe(text -> message.setText(text)),
                model.messageFailedProperty().subscribe(failed -> {
                    message.getStyleClass().remove("failed");
                    if (failed) {
                        message.getStyleClass().add("failed");
                    }
                }),
                model.diffProperty().subscribe(text -> {
                    diff.replaceText(text);
                    styleDiff(diff);
                    if (!text.isEmpty()) {
                        below.getSelectionModel().select(diffTab);
                    }
                }),
                model.managedFieldsProperty().subscribe(text -> managedText.replaceText(text)),
                managed.selectedProperty().subscribe(show -> {
                    if (show && !below.getTabs().contains(managedTab)) {
                        below.getTabs().add(managedTab);
                        below.getSelectionModel().select(managedTab);
                    } else if (!show) {
                        below.getTabs().remove(managedTab);
                    }
                }),
                model.fileProperty().subscribe(file -> command.setText(model.command(false))),
                watch(model.results(), () -> {
                    results.getItems().setAll(model.results().stream()
                            .map(r -> r.outcome() + "  " + r.message()).toList());
                    if (!model.results().isEmpty() && model.diffProperty().get().isEmpty()) {
                        below.getSelectionModel().select(resultsTab);
                    }
                }),
                watch(model.problems(), this::markLines),
                watch(model.readOnlyRanges(), this::markLines),
                model.fieldDocProperty().subscribe(doc -> docs.show(doc, model.caretPathProperty().get(), model.schemaProperty().get() != null)),
                model.caretPathProperty().subscribe(path -> docs.show(model.fieldDocProperty().get(), path, model.schemaProperty().get() != null))));
    }

    /** Runs {@code action} now and whenever the list changes, until unsubscribed. */
    private static Subscription watch(javafx.collections.ObservableList<?> list, Runnable action) {
        javafx.beans.InvalidationListener listener = o -> action.run();
        list.addListener(listener);
        action.run();
        return () -> list.removeListener(listener);
    }

    private static Subscription subscribe(org.reactfx.Subscription reactFx) {
        return reactFx::unsubscribe;
    }

    /** The code area, for tests and the benchmark. */
    public CodeArea area() {
        return area;
    }

    /** Runs {@code action} on the FX thread after each highlighting repaint (the benchmark times to here). */
    public void onPainted(Runnable action) {
        painter.onPainted(action);
    }

    private Button button(String id, String text, String tip, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setOnAction(e -> {
            // What is sent is what is shown, even if typing has not settled yet.
            if (!area.getText().equals(model.textProperty().get())) {
                model.edited(area.getText());
            }
            action.run();
        });
        return button;
    }

    private void lineNumbers() {
        IntFunction<Node> numbers = LineNumberFactory.get(area);
        area.setParagraphGraphicFactory(line -> {
            Node label = numbers.apply(line);
            if (problemLines.contains(line + 1)) {
                label.getStyleClass().add("problem-line");
            } else if (readOnlyLines.contains(line + 1)) {
                label.getStyleClass().add("read-only-line");
            }
            return label;
        });
    }

    /**
     * Problem lines and status lines get a paragraph style and a coloured line number. Every paragraph is
     * compared, not only the lines marked before: a paragraph style moves with its text when lines are
     * inserted above it (and is copied when a line is split), so old line numbers do not find it.
     */
    private void markLines() {
        problemLines.clear();
        model.problems().forEach(p -> problemLines.add(p.line()));
        readOnlyLines.clear();
        model.readOnlyRanges().forEach(r -> {
            for (int line = r.first(); line <= r.last(); line++) {
                readOnlyLines.add(line);
            }
        });
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            int line = i + 1;
            Collection<String> wanted = problemLines.contains(line) ? List.of("problem")
                    : readOnlyLines.contains(line) ? List.of("read-only") : List.of();
            if (!area.getParagraph(i).getParagraphStyle().equals(wanted)) {
                area.setParagraphStyle(i, wanted);
            }
        }
        lineNumbers();
    }

    private void keys() {
        Nodes.addInputMap(area, InputMap.sequence(
                InputMap.consume(EventPattern.keyPressed(KeyCode.TAB), e -> area.replaceSelection("  ")),
                InputMap.consume(EventPattern.keyPressed(KeyCode.SPACE, KeyCombination.CONTROL_DOWN), e -> complete()),
                InputMap.consume(EventPattern.keyPressed(KeyCode.F, KeyCombination.SHORTCUT_DOWN), e -> showFind(false)),
                InputMap.consume(EventPattern.keyPressed(KeyCode.H, KeyCombination.SHORTCUT_DOWN), e -> showFind(true)),
                InputMap.consume(EventPattern.keyPressed(KeyCode.G, KeyCombination.SHORTCUT_DOWN), e -> askLine()),
                InputMap.consume(EventPattern.keyPressed(KeyCode.S, KeyCombination.SHORTCUT_DOWN), e -> save())));
    }

    private HBox findBar() {
        find.setId("find-text");
        find.setPromptText("Find");
        replace.setId("replace-text");
        replace.setPromptText("Replace with");
        Button next = new Button("Next");
        next.setOnAction(e -> findNext());
        find.setOnAction(e -> findNext());
        Button one = new Button("Replace");
        one.setOnAction(e -> replaceOne());
        Button all = new Button("Replace all");
        all.setId("replace-all");
        all.setOnAction(e -> replaceAll());
        Button close = new Button("Close");
        HBox bar = new HBox(6, find, next, replace, one, all, close);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setId("find-bar");
        close.setOnAction(e -> hideFind(bar));
        bar.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                hideFind(bar);
            }
        });
        bar.setVisible(false);
        bar.setManaged(false);
        return bar;
    }

    private void showFind(boolean withReplace) {
        findBar.setVisible(true);
        findBar.setManaged(true);
        replace.setVisible(withReplace || !replace.getText().isEmpty());
        if (!area.getSelectedText().isEmpty() && !area.getSelectedText().contains("\n")) {
            find.setText(area.getSelectedText());
        }
        find.requestFocus();
        find.selectAll();
    }

    private void hideFind(HBox bar) {
        bar.setVisible(false);
        bar.setManaged(false);
        area.requestFocus();
    }

    private void findNext() {
        String query = find.getText();
        if (query.isEmpty()) {
            return;
        }
        String text = area.getText();
        int from = area.getSelection().getEnd();
        int at = TextSearch.next(text, query, from);
        if (at >= 0) {
            area.selectRange(at, at + query.length());
            area.requestFollowCaret();
        }
    }

    private void replaceOne() {
        if (!find.getText().isEmpty() && area.getSelectedText().equalsIgnoreCase(find.getText())) {
            area.replaceSelection(replace.getText());
        }
        findNext();
    }

    private void replaceAll() {
        String replaced = TextSearch.replaceAll(area.getText(), find.getText(), replace.getText());
        if (!replaced.equals(area.getText())) {
            area.replaceText(0, area.getLength(), replaced);
        }
    }

    private void askLine() {
        TextInputDialog dialog = new TextInputDialog(String.valueOf(area.getCurrentParagraph() + 1));
        dialog.setHeaderText("Go to line (1–" + area.getParagraphs().size() + ")");
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().ifPresent(text -> {
            try {
                goTo(Integer.parseInt(text.trim()), 1);
            } catch (NumberFormatException notANumber) {
                // Nothing to go to.
            }
        });
    }

    void goTo(int line, int column) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        int col = Math.max(0, Math.min(column - 1, area.getParagraph(paragraph).length()));
        area.moveTo(paragraph, col);
        area.requestFollowCaret();
        area.requestFocus();
    }

    /** Ctrl+Space: the schema's candidates for the caret, inserted over the word being typed. */
    private void complete() {
        int line = area.getCurrentParagraph() + 1;
        int column = area.getCaretColumn() + 1;
        model.complete(line, column, candidates -> {
            if (candidates.isEmpty() || area.getCaretBounds().isEmpty()) {
                return;
            }
            ContextMenu menu = new ContextMenu();
            menu.setId("completion-popup");
            for (String candidate : candidates) {
                MenuItem item = new MenuItem(candidate);
                item.setOnAction(e -> insertCompletion(candidate));
                menu.getItems().add(item);
            }
            var bounds = area.getCaretBounds().get();
            menu.show(area, bounds.getMinX(), bounds.getMaxY());
        });
    }

    private void insertCompletion(String candidate) {
        int caret = area.getCaretPosition();
        String text = area.getText();
        int start = caret;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && text.charAt(start - 1) != ':') {
            start--;
        }
        area.replaceText(start, caret, candidate);
    }

    private void confirmReload() {
        if (model.dirtyProperty().get() && !Confirm.discard(getScene().getWindow(), model.title(), "Reload")) {
            return;
        }
        model.reload();
    }

    private void save() {
        if (model.fileProperty().get() != null) {
            model.saveTo(model.fileProperty().get());
        } else {
            saveAs();
        }
    }

    private void saveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save " + model.title());
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        chooser.setInitialFileName(model.title().replaceAll("[^A-Za-z0-9.-]+", "-") + ".yaml");
        File chosen = chooser.showSaveDialog(getScene().getWindow());
        if (chosen != null) {
            model.saveTo(chosen.toPath());
        }
    }

    private static CodeArea readOnlyArea(String id) {
        CodeArea area = new CodeArea();
        area.setId(id);
        area.getStyleClass().add(id.equals("diff-area") ? "diff-area" : "yaml-area");
        area.setEditable(false);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        return area;
    }

    private static void styleDiff(CodeArea diff) {
        for (int i = 0; i < diff.getParagraphs().size(); i++) {
            String line = diff.getParagraph(i).getText();
            String style = line.startsWith("+++") || line.startsWith("---") ? "header"
                    : line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "added" : line.startsWith("-") ? "removed" : null;
            diff.setParagraphStyle(i, style == null ? List.of() : List.of(style));
        }
    }

    /** A problem as "line:column  who  message". */
    private static final class ProblemCell extends ListCell<ManifestProblem> {
        @Override
        protected void updateItem(ManifestProblem problem, boolean empty) {
            super.updateItem(problem, empty);
            setText(empty || problem == null ? null : problem.line() + ":" + problem.column() + "  "
                    + problem.source().name().toLowerCase() + "  " + problem.message());
        }
    }

    /** The side panel: what the schema says about the field under the caret, as kubectl explain would. */
    private static final class FieldDocsPanel extends VBox {
        private final Label path = new Label();
        private final Label type = new Label();
        private final Label required = new Label("required");
        private final Label description = new Label();
        private final Label values = new Label();
        private final Label fields = new Label();

        FieldDocsPanel() {
            setId("field-docs");
            getStyleClass().add("field-docs");
            path.getStyleClass().add("field-path");
            path.setWrapText(true);
            type.getStyleClass().add("field-type");
            required.getStyleClass().add("field-required");
            description.setWrapText(true);
            values.setWrapText(true);
            fields.setWrapText(true);
            setMinWidth(220);
            getChildren().addAll(new Label("Field"), path, type, required, description, values, fields);
        }

        void show(FieldDoc doc, String caretPath, boolean haveSchema) {
            if (doc == null) {
                path.setText(caretPath.isEmpty() ? "(document)" : caretPath);
                type.setText("");
                required.setVisible(false);
                description.setText(haveSchema ? "No documentation for this field." : "Field documentation appears once the cluster's schema is loaded.");
                values.setText("");
                fields.setText("");
                return;
            }
            path.setText(doc.path());
            type.setText(doc.type() + (doc.owner().isEmpty() ? "" : "  ·  " + doc.owner()));
            required.setVisible(doc.required());
            description.setText(doc.description());
            values.setText(doc.enumValues().isEmpty() ? "" : "One of: " + String.join(", ", doc.enumValues()));
            fields.setText(doc.fields().isEmpty() ? "" : "Fields: " + String.join(", ", doc.fields()));
        }
    }
}

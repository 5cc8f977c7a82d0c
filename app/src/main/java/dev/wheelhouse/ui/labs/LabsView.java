package dev.wheelhouse.ui.labs;

import dev.wheelhouse.service.labs.Lab;
import dev.wheelhouse.service.labs.LabCheck;
import dev.wheelhouse.service.labs.LabStep;
import dev.wheelhouse.ui.cluster.SandboxLaunch;
import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.Lifecycle;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The labs tab: the labs on the left; on the right the open lab's steps, each ticked off when the cluster
 * reaches its state, with a hint on demand and its kubectl commands to copy; Reset (asked first); and, without
 * a cluster, an offer to start the sandbox with its progress.
 */
public final class LabsView extends SplitPane {
    private static final Ikon DONE = MaterialDesignC.CHECK_CIRCLE;
    private static final Ikon CURRENT = MaterialDesignP.PLAY_CIRCLE_OUTLINE;
    private static final Ikon AHEAD = MaterialDesignC.CIRCLE_OUTLINE;
    private static final Ikon COPY = MaterialDesignC.CONTENT_COPY;
    private static final Ikon HINT = MaterialDesignL.LIGHTBULB_OUTLINE;

    private final LabsViewModel model;
    private final SandboxLaunch sandbox;
    private final VBox page = new VBox();
    /** Steps whose hint is shown; the view's own state, forgotten when another lab opens. */
    private final Set<Integer> hintsShown = new HashSet<>();

    public LabsView(LabsViewModel model, SandboxLaunch sandbox) {
        this.model = model;
        this.sandbox = sandbox;
        setId("labs-view");
        getStylesheets().add(LabsView.class.getResource("labs.css").toExternalForm());
        ListView<Lab> list = new ListView<>();
        list.setId("labs-list");
        list.getStyleClass().add("labs-list");
        list.getItems().setAll(model.labList());
        list.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(Lab lab, boolean empty) {
                super.updateItem(lab, empty);
                setText(empty || lab == null ? null : lab.title());
            }
        });
        page.getStyleClass().add("lab-page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        getItems().setAll(list, scroll);
        setDividerPositions(0.22);
        SplitPane.setResizableWithParent(list, false);

        ListChangeListener<String> linesChanged = change -> render();
        Lifecycle.whileAttached(this, () -> {
            model.activate();
            list.getSelectionModel().select(model.labProperty().get());
            sandbox.lines().addListener(linesChanged);
            render();
            return Subscription.combine(
                    model::deactivate,
                    () -> sandbox.lines().removeListener(linesChanged),
                    list.getSelectionModel().selectedItemProperty().subscribe(chosen -> {
                        if (chosen != null && chosen != model.labProperty().get()) {
                            hintsShown.clear();
                            model.select(chosen);
                        }
                    }),
                    model.labProperty().subscribe(lab -> render()),
                    model.stepsDoneProperty().subscribe(done -> render()),
                    model.messageProperty().subscribe(text -> render()),
                    model.busyProperty().subscribe(busy -> render()),
                    sandbox.startingProperty().subscribe(starting -> render()),
                    model.sessionProperty().subscribe(session -> render()));
        });
    }

    /** Lays the page out again: a lab has a handful of steps, so rebuilding is cheaper than tracking each part. */
    private void render() {
        Lab lab = model.labProperty().get();
        page.getChildren().clear();
        Label title = new Label(lab.title());
        title.getStyleClass().add("lab-title");
        Label intro = wrapped(lab.intro());
        page.getChildren().addAll(title, intro);
        if (model.sessionProperty().getValue() == null) {
            page.getChildren().add(sandboxOffer());
        } else {
            page.getChildren().add(progress(lab));
        }
        for (int i = 0; i < lab.steps().size(); i++) {
            page.getChildren().add(step(i, lab.steps().get(i)));
        }
    }

    private Node progress(Lab lab) {
        ProgressBar bar = new ProgressBar((double) model.stepsDoneProperty().get() / lab.steps().size());
        bar.setId("lab-progress");
        bar.setPrefWidth(180);
        Label text = new Label(model.progressText());
        text.setId("lab-progress-text");
        text.getStyleClass().add("lab-progress-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reset = new Button("Reset", Icons.of(Icons.RESTART));
        reset.setId("lab-reset");
        reset.setDisable(model.busyProperty().get());
        reset.setTooltip(new Tooltip("Delete the lab's namespaces (" + String.join(", ", lab.namespaces())
                + ") and everything in them, and start again"));
        reset.setOnAction(e -> confirmReset(lab));
        HBox row = new HBox(10, bar, text, spacer, reset);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, row);
        if (!model.messageProperty().get().isBlank()) {
            Label message = wrapped(model.messageProperty().get());
            message.setId("lab-message");
            message.getStyleClass().add("lab-message");
            box.getChildren().add(message);
        }
        return box;
    }

    private void confirmReset(Lab lab) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, "This deletes the namespace" + (lab.namespaces().size() == 1 ? " " : "s ")
                + String.join(", ", lab.namespaces()) + " and everything in them, and clears your progress in this lab. "
                + "Nothing outside them is touched.", ButtonType.CANCEL, ButtonType.OK);
        ask.setHeaderText("Reset “" + lab.title() + "”?");
        ask.initOwner(getScene().getWindow());
        ask.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.reset());
    }

    private Node sandboxOffer() {
        VBox box = new VBox();
        box.setId("lab-sandbox");
        box.getStyleClass().add("lab-sandbox");
        box.getChildren().add(wrapped("Labs check each step on a connected cluster, and none is connected. "
                + (sandbox.available() ? "The sandbox is a small cluster on this machine, made for trying things."
                : "")));
        if (sandbox.available()) {
            Button start = new Button(sandbox.startingProperty().get() ? "Starting the sandbox…" : "Start sandbox",
                    Icons.of(Icons.CONTEXT));
            start.setId("start-sandbox");
            start.setDisable(sandbox.startingProperty().get());
            start.setOnAction(e -> sandbox.start());
            box.getChildren().add(start);
        } else {
            box.getChildren().add(wrapped(sandbox.advice()));
        }
        if (!sandbox.lines().isEmpty()) {
            TextArea lines = new TextArea(String.join("\n", sandbox.lines()));
            lines.setId("sandbox-lines");
            lines.getStyleClass().add("lab-sandbox-lines");
            lines.setEditable(false);
            lines.setWrapText(true);
            lines.setScrollTop(Double.MAX_VALUE);
            box.getChildren().add(lines);
        }
        return box;
    }

    private Node step(int index, LabStep step) {
        LabsViewModel.StepState state = model.stateOf(index);
        String css = state.name().toLowerCase();
        FontIcon tick = Icons.of(state == LabsViewModel.StepState.DONE ? DONE : state == LabsViewModel.StepState.CURRENT ? CURRENT : AHEAD);
        tick.getStyleClass().addAll("lab-tick", css);
        Label text = wrapped((index + 1) + ". " + step.text());
        text.getStyleClass().add("lab-step-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button hint = new Button(null, Icons.of(HINT));
        hint.getStyleClass().add("flat");
        hint.setTooltip(new Tooltip(hintsShown.contains(index) ? "Hide the hint" : "Show a hint"));
        hint.setOnAction(e -> {
            if (!hintsShown.remove(index)) {
                hintsShown.add(index);
            }
            render();
        });
        HBox head = new HBox(8, tick, text, hint);
        head.setAlignment(Pos.TOP_LEFT);
        VBox box = new VBox(head);
        box.setId("lab-step-" + (index + 1));
        box.getStyleClass().addAll("lab-step", css);
        if (hintsShown.contains(index)) {
            Label hintText = wrapped(step.hint());
            hintText.getStyleClass().add("lab-hint");
            box.getChildren().add(indented(hintText));
        }
        for (String command : step.commands()) {
            box.getChildren().add(indented(command(command)));
        }
        Label check = wrapped((state == LabsViewModel.StepState.DONE ? "Done: " : "Ticks off when: ")
                + step.checks().stream().map(LabCheck::describe).collect(Collectors.joining("; ")));
        check.getStyleClass().add("lab-check");
        box.getChildren().add(indented(check));
        return box;
    }

    private static Node command(String command) {
        TextField field = new TextField(command);
        field.setEditable(false);
        field.getStyleClass().add("lab-command");
        HBox.setHgrow(field, Priority.ALWAYS);
        Button copy = new Button(null, Icons.of(COPY));
        copy.getStyleClass().add("flat");
        copy.setTooltip(new Tooltip("Copy the command"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(command);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox row = new HBox(4, field, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static Node indented(Node node) {
        HBox row = new HBox(node);
        HBox.setHgrow(node, Priority.ALWAYS);
        row.setStyle("-fx-padding: 0 0 0 26;");
        return row;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }
}

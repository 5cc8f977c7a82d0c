package dev.wheelhouse.ui.learning;

import dev.wheelhouse.kinds.explain.Explanation;
import dev.wheelhouse.kinds.explain.ObjectInWords;
import dev.wheelhouse.ui.common.CommandLine;
import dev.wheelhouse.ui.common.ExampleOpener;
import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.common.MarkdownView;
import dev.wheelhouse.ui.common.Workspace;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * The learning tab: back, forward and contents over the entry's title; then the shown object in words (its
 * relations, and the causes of its status with what to do) and the entry's text. Links between entries move
 * inside the panel; a YAML block under "Example" opens in the editor through {@link ExampleOpener}.
 */
public final class LearningView extends BorderPane {
    private final LearningViewModel model;
    private final ExampleOpener examples;
    private final VBox words = new VBox(6);
    private final VBox text = new VBox();
    private final Label note = new Label();

    public LearningView(LearningViewModel model, Workspace workspace, ExampleOpener examples) {
        this.model = model;
        this.examples = examples;
        setId("learning-view");
        Button back = navigation("learning-back", MaterialDesignA.ARROW_LEFT, "Back to the entry read before");
        Button forward = navigation("learning-forward", MaterialDesignA.ARROW_RIGHT, "Forward again");
        Button contents = navigation("learning-contents", MaterialDesignF.FORMAT_LIST_BULLETED, "Contents: every kind and concept");
        back.setOnAction(e -> model.back());
        forward.setOnAction(e -> model.forward());
        contents.setOnAction(e -> model.contents());
        Label title = new Label();
        title.setId("learning-title");
        title.getStyleClass().add("details-title");
        note.getStyleClass().add("details-label");
        HBox bar = new HBox(4, back, forward, contents, title, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        setTop(bar);

        words.setId("learning-words");
        words.getStyleClass().add("learning-words");
        text.setId("learning-text");
        VBox page = new VBox(12, words, text);
        page.setPadding(new Insets(8, 16, 16, 16));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        Lifecycle.whileAttached(this, () -> {
            model.activate();
            return Subscription.combine(
                    model::deactivate,
                    workspace.placeProperty().subscribe(model::follow),
                    model.titleProperty().subscribe(title::setText),
                    model.canGoBackProperty().subscribe(can -> back.setDisable(!can)),
                    model.canGoForwardProperty().subscribe(can -> forward.setDisable(!can)),
                    model.markdownProperty().subscribe(markdown -> {
                        note.setText("");
                        text.getChildren().setAll(new MarkdownView(markdown, hooks()));
                        scroll.setVvalue(0);
                    }),
                    model.inWordsProperty().subscribe(this::showWords),
                    model.subjectProperty().subscribe(subject -> showWords(model.inWordsProperty().get())));
        });
    }

    private static Button navigation(String id, org.kordamp.ikonli.Ikon icon, String tip) {
        Button button = new Button(null, Icons.of(icon));
        button.setId(id);
        button.getStyleClass().add("flat");
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    /** Links between entries stay in the panel; a web address is copied, to open in a browser. */
    private MarkdownView.Hooks hooks() {
        return new MarkdownView.Hooks() {
            @Override
            public void link(String href) {
                if (!model.followLink(href)) {
                    ClipboardContent content = new ClipboardContent();
                    content.putString(href);
                    Clipboard.getSystemClipboard().setContent(content);
                    note.setText("Address copied: " + href);
                }
            }

            @Override
            public List<Node> codeControls(String section, String info, String code) {
                String topic = model.topicProperty().get();
                if (!section.toLowerCase().startsWith("example") || !(info.equals("yaml") || info.equals("yml")) || topic.isEmpty()) {
                    return List.of();
                }
                Button open = new Button("Open in editor", Icons.of(MaterialDesignP.PENCIL_OUTLINE));
                open.getStyleClass().addAll("small", "open-example");
                open.setOnAction(e -> examples.open(topic, code));
                open.setTooltip(new Tooltip("Open this example in the YAML editor, as a new manifest"));
                return List.of(open);
            }
        };
    }

    private void showWords(ObjectInWords inWords) {
        words.getChildren().clear();
        String subject = model.subjectProperty().get();
        if (subject.isEmpty()) {
            return;
        }
        Label heading = new Label("This " + subject.substring(0, subject.indexOf(' ')) + ", in words");
        heading.getStyleClass().add("details-heading");
        Label name = new Label(subject);
        name.getStyleClass().add("details-label");
        words.getChildren().addAll(heading, name);
        if (inWords == null) {
            words.getChildren().add(wrapped("Reading it from the cluster…", "details-label"));
            return;
        }
        inWords.relations().forEach(sentence -> words.getChildren().add(wrapped(sentence, "learning-relation")));
        if (inWords.status().isEmpty()) {
            words.getChildren().add(wrapped("Nothing in its status, conditions or Events needs explaining.", "details-label"));
        }
        for (Explanation explanation : inWords.status()) {
            VBox box = new VBox(4, wrapped(explanation.title(), "learning-problem-title"), wrapped(explanation.cause(), "learning-cause"));
            box.getStyleClass().add("learning-problem");
            if (!explanation.whatToDo().isEmpty()) {
                box.getChildren().add(wrapped("What to do:", "learning-todo-heading"));
                explanation.whatToDo().forEach(step -> box.getChildren().add(wrapped("• " + step, "learning-todo")));
            }
            explanation.commands().forEach(command -> box.getChildren().add(new CommandLine(command)));
            words.getChildren().add(box);
        }
    }

    private static Label wrapped(String text, String style) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(label, Priority.ALWAYS);
        return label;
    }
}

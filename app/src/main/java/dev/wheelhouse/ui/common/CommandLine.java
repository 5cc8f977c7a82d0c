package dev.wheelhouse.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A shell command (the kubectl equivalent of an action, a step's command) in a monospace line with a Copy
 * button, so it can be pasted into a terminal. Used by the actions' dialogs, the learning panel and the labs.
 */
public final class CommandLine extends HBox {
    private final Label text = new Label();

    public CommandLine(String command) {
        super(6);
        getStyleClass().add("command-line");
        setAlignment(Pos.CENTER_LEFT);
        text.getStyleClass().add("command-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setText(command);
        Button copy = new Button("Copy", Icons.of(MaterialDesignC.CONTENT_COPY));
        copy.getStyleClass().addAll("flat", "small", "copy-command");
        copy.setTooltip(new Tooltip("Copy the command"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        getChildren().addAll(text, copy);
    }

    /** A line whose command follows a value (the replicas typed so far). */
    public CommandLine(ObservableValue<String> command) {
        this(command.getValue());
        text.textProperty().bind(command);
    }
}

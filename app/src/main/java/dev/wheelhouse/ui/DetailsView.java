package dev.wheelhouse.ui;

import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.ObjectDetails;
import dev.wheelhouse.kinds.builtin.Events;
import dev.wheelhouse.model.KubeObject;
import java.time.Duration;
import java.time.Instant;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The selected object: its sections as label/value lines, links to the objects it names, its Events
 * newest first, and a Service's Pods. Secret values show as dots until revealed, one at a time.
 */
final class DetailsView extends ScrollPane {
    private static final String MASK = "••••••••";

    private final MainViewModel model;
    private final DetailsViewModel details;
    private final VBox content = new VBox(10);

    DetailsView(MainViewModel model) {
        this.model = model;
        this.details = model.details();
        setId("details");
        setFitToWidth(true);
        content.setPadding(new Insets(10));
        content.getStyleClass().add("details");
        setContent(content);
        details.sections().addListener((ListChangeListener<ObjectDetails.Section>) c -> render());
        details.events().addListener((ListChangeListener<KubeObject>) c -> render());
        details.selectedPods().addListener((ListChangeListener<ObjectDetails.Link>) c -> render());
        render();
    }

    private void render() {
        content.getChildren().clear();
        KubeObject object = details.objectProperty().get();
        if (object == null) {
            content.getChildren().add(new Label("Select an object to see its details."));
            return;
        }
        Label title = new Label(details.kindProperty().get().kind() + " " + object.name());
        title.getStyleClass().add("details-title");
        content.getChildren().add(title);
        for (ObjectDetails.Section section : details.sections()) {
            content.getChildren().add(section(section));
        }
        if (!details.selectedPods().isEmpty()) {
            content.getChildren().add(section(new ObjectDetails.Section("Selected pods",
                    details.selectedPods().stream().map(l -> new ObjectDetails.Line("Pod", l.name(), l, false)).toList())));
        }
        content.getChildren().add(events());
    }

    private VBox section(ObjectDetails.Section section) {
        Label heading = new Label(section.title());
        heading.getStyleClass().add("details-heading");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        int row = 0;
        for (ObjectDetails.Line line : section.lines()) {
            Label label = new Label(line.label());
            label.getStyleClass().add("details-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(label, 0, row);
            grid.add(value(line), 1, row);
            row++;
        }
        return new VBox(4, heading, grid);
    }

    private javafx.scene.Node value(ObjectDetails.Line line) {
        if (line.link() != null) {
            Hyperlink link = new Hyperlink(line.value());
            link.setOnAction(e -> model.follow(line.link().kind(), line.link().namespace(), line.link().name()));
            return link;
        }
        if (line.secret()) {
            Label value = new Label(MASK);
            value.getStyleClass().add("secret-value");
            Button reveal = new Button("Reveal");
            reveal.getStyleClass().add("reveal");
            reveal.setOnAction(e -> {
                boolean hidden = value.getText().equals(MASK);
                value.setText(hidden ? line.value() : MASK);
                reveal.setText(hidden ? "Hide" : "Reveal");
            });
            return new HBox(8, value, reveal);
        }
        Label value = new Label(line.value());
        value.setWrapText(true);
        return value;
    }

    private VBox events() {
        Label heading = new Label("Events");
        heading.getStyleClass().add("details-heading");
        VBox list = new VBox(2);
        if (details.events().isEmpty()) {
            list.getChildren().add(new Label("No recent events."));
        }
        for (KubeObject event : details.events()) {
            Label line = new Label(Cells.age(Duration.between(Events.lastSeen(event), Instant.now())) + " ago  "
                    + event.string("type") + "  " + event.string("reason") + ": " + event.string("message"));
            line.setWrapText(true);
            if ("Warning".equals(event.string("type"))) {
                line.getStyleClass().add("event-warning");
            }
            list.getChildren().add(line);
        }
        return new VBox(4, heading, list);
    }
}

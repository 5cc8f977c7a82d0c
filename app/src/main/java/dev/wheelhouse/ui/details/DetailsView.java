package dev.wheelhouse.ui.details;

import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.ObjectDetails;
import dev.wheelhouse.kinds.builtin.Events;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.ui.common.DetailExtras;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.common.Workspace;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * The selected object: its sections as label/value lines, links to the objects it names, its Events
 * newest first, and a Service's Pods. Secret values show as dots until revealed, one at a time; a
 * revealed value stays revealed while the object changes, until another object is shown.
 * It watches only while attached to a window.
 */
public final class DetailsView extends ScrollPane {
    private static final String MASK = "••••••••";

    private final DetailsViewModel details;
    private final Workspace workspace;
    private final DetailExtras extras;
    private final VBox sections = new VBox(10);
    private final VBox events = new VBox(2);
    private final VBox eventsSection;
    private final Set<String> revealed = new HashSet<>();
    private String shownUid;

    public DetailsView(DetailsViewModel details, Workspace workspace) {
        this(details, workspace, new DetailExtras());
    }

    /** {@code extras}: what other features show for the object (port-forward toggles), after its sections. */
    public DetailsView(DetailsViewModel details, Workspace workspace, DetailExtras extras) {
        this.details = details;
        this.workspace = workspace;
        this.extras = extras;
        setId("details");
        setFitToWidth(true);
        Label eventsHeading = new Label("Events");
        eventsHeading.getStyleClass().add("details-heading");
        eventsSection = new VBox(4, eventsHeading, events);
        VBox content = new VBox(10, sections, eventsSection);
        content.setPadding(new Insets(10));
        content.getStyleClass().add("details");
        setContent(content);
        Lifecycle.whileAttached(this, () -> {
            ListChangeListener<Object> renderSections = c -> renderSections();
            ListChangeListener<Object> renderEvents = c -> renderEvents();
            details.sections().addListener(renderSections);
            details.selectedPods().addListener(renderSections);
            details.events().addListener(renderEvents);
            details.activate();
            renderSections();
            renderEvents();
            return Subscription.combine(
                    () -> details.sections().removeListener(renderSections),
                    () -> details.selectedPods().removeListener(renderSections),
                    () -> details.events().removeListener(renderEvents),
                    details::deactivate);
        });
    }

    private void renderSections() {
        sections.getChildren().clear();
        KubeObject object = details.objectProperty().get();
        String uid = object == null ? null : object.uid();
        if (uid == null || !uid.equals(shownUid)) {
            revealed.clear();
            shownUid = uid;
        }
        eventsSection.setVisible(object != null);
        eventsSection.setManaged(object != null);
        if (object == null) {
            sections.getChildren().add(new Label("Select an object to see its details."));
            return;
        }
        Label title = new Label(details.kindProperty().get().kind() + " " + object.name());
        title.getStyleClass().add("details-title");
        sections.getChildren().add(title);
        for (ObjectDetails.Section section : details.sections()) {
            sections.getChildren().add(section(section));
        }
        if (!details.selectedPods().isEmpty()) {
            sections.getChildren().add(section(new ObjectDetails.Section("Selected pods",
                    details.selectedPods().stream().map(l -> new ObjectDetails.Line("Pod", l.name(), l, false)).toList())));
        }
        sections.getChildren().addAll(extras.nodesFor(object));
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
            grid.add(value(section.title() + "/" + line.label(), line), 1, row);
            row++;
        }
        return new VBox(4, heading, grid);
    }

    private Node value(String key, ObjectDetails.Line line) {
        if (line.link() != null) {
            Hyperlink link = new Hyperlink(line.value());
            link.setOnAction(e -> workspace.follow(line.link().kind(), line.link().namespace(), line.link().name()));
            return link;
        }
        if (line.secret()) {
            boolean shown = revealed.contains(key);
            Label value = new Label(shown ? line.value() : MASK);
            value.getStyleClass().add("secret-value");
            Button reveal = new Button(shown ? "Hide" : "Reveal");
            reveal.getStyleClass().add("reveal");
            reveal.setOnAction(e -> {
                boolean hidden = !revealed.remove(key);
                if (hidden) {
                    revealed.add(key);
                }
                value.setText(hidden ? line.value() : MASK);
                reveal.setText(hidden ? "Hide" : "Reveal");
            });
            return new HBox(8, value, reveal);
        }
        Label value = new Label(line.value());
        value.setWrapText(true);
        return value;
    }

    private void renderEvents() {
        events.getChildren().clear();
        if (details.events().isEmpty()) {
            events.getChildren().add(new Label("No recent events."));
        }
        for (KubeObject event : details.events()) {
            Label line = new Label(Cells.age(Duration.between(Events.lastSeen(event), Instant.now())) + " ago  "
                    + event.string("type") + "  " + event.string("reason") + ": " + event.string("message"));
            line.setWrapText(true);
            if ("Warning".equals(event.string("type"))) {
                line.getStyleClass().add("event-warning");
            }
            events.getChildren().add(line);
        }
    }
}

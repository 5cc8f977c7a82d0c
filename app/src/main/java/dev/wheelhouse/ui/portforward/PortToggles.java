package dev.wheelhouse.ui.portforward;

import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ForwardablePorts;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.portforward.ForwardsViewModel.ForwardRow;
import java.util.List;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The details' "Port forwards" section: a switch beside each port of a Pod, Service or workload. On, the port
 * is forwarded (its local URL and state appear beside it); off, the forward stops. It follows the forwards
 * panel while attached, so a forward stopped there shows off here.
 */
final class PortToggles {
    private PortToggles() {
    }

    /** The section for {@code object}, or null if it has no port to forward (or is only a table row so far). */
    static Node of(ForwardsViewModel model, BackgroundTasks tasks, KubeObject object) {
        List<ForwardablePorts.Port> ports = ForwardablePorts.of(object);
        if (ports.isEmpty()) {
            return null;
        }
        Label heading = new Label("Port forwards");
        heading.getStyleClass().add("details-heading");
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(3);
        Runnable[] updates = new Runnable[ports.size()];
        for (int i = 0; i < ports.size(); i++) {
            ForwardablePorts.Port port = ports.get(i);
            Label label = new Label(port.label());
            label.getStyleClass().add("details-label");
            label.setMinWidth(Region.USE_PREF_SIZE);
            ToggleButton toggle = new ToggleButton("Forward");
            toggle.getStyleClass().add("forward-toggle");
            toggle.setId("forward-" + port.target().port());
            Hyperlink url = new Hyperlink();
            Label state = new Label();
            toggle.setOnAction(e -> model.toggle(port.target(), toggle.isSelected()));
            updates[i] = () -> {
                Optional<ForwardRow> row = model.forwardTo(port.target());
                toggle.setSelected(row.isPresent());
                toggle.setText(row.isPresent() ? "Forwarding" : "Forward");
                url.setText(row.map(ForwardRow::url).orElse(""));
                url.setVisible(row.isPresent() && !row.get().url().isEmpty());
                url.setOnAction(e -> row.ifPresent(r -> Browser.open(tasks, r.url(), state::setText)));
                state.setText(row.map(r -> r.message().isEmpty() ? r.state().name().toLowerCase() : r.message()).orElse(""));
            };
            grid.addRow(i, label, toggle, url, state);
        }
        VBox section = new VBox(4, heading, grid);
        section.setId("port-forwards");
        ListChangeListener<ForwardRow> follow = c -> {
            for (Runnable update : updates) {
                update.run();
            }
        };
        Lifecycle.whileAttached(section, () -> {
            model.rows().addListener(follow);
            follow.onChanged(null);
            return () -> model.rows().removeListener(follow);
        });
        return section;
    }
}

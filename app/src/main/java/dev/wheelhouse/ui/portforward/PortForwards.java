package dev.wheelhouse.ui.portforward;

import dev.wheelhouse.service.ForwardablePorts;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.DetailExtras;
import dev.wheelhouse.ui.common.RowAction;
import dev.wheelhouse.ui.common.RowActions;
import dev.wheelhouse.ui.common.TabHost;
import dev.wheelhouse.ui.common.WorkspaceTab;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The port-forward feature's place in the window: toggles in the details, a Forward… row action, the forwards
 * panel as a workspace tab, and a toolbar button that opens it and counts the active forwards.
 */
public final class PortForwards {
    private final ForwardsViewModel model;
    private final BackgroundTasks tasks;
    private final TabHost tabs;
    private final WorkspaceTab panel;

    public PortForwards(ForwardsViewModel model, BackgroundTasks tasks, TabHost tabs) {
        this.model = model;
        this.tasks = tasks;
        this.tabs = tabs;
        this.panel = new WorkspaceTab("forwards", "Forwards", MaterialDesignL.LAN_CONNECT, () -> new ForwardsView(model, tasks));
    }

    /** Adds the toggles to the details and Forward… to the rows; the subscription takes them away again. */
    public Subscription contribute(RowActions rowActions, DetailExtras details, Supplier<Window> owner) {
        RowAction forward = new RowAction("forward", "Forward…",
                new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                place -> place.kind() != null && place.object() != null && ForwardablePorts.kindForwards(place.kind().kind()),
                place -> model.loadPorts(place.kind().type(), place.object(), ports -> {
                    if (ports.isEmpty()) {
                        new Alert(Alert.AlertType.INFORMATION, place.kind().kind() + " " + place.object().name()
                                + " declares no TCP port to forward.").showAndWait();
                        return;
                    }
                    ForwardDialog.ask(owner.get(), place.kind().kind() + " " + place.object().namespace() + "/" + place.object().name(), ports)
                            .ifPresent(choice -> {
                                model.start(choice.port().target(), choice.address(), choice.localPort());
                                openPanel();
                            });
                }, problem -> new Alert(Alert.AlertType.ERROR, "Cannot read the ports: " + problem).showAndWait()));
        return Subscription.combine(rowActions.contribute(forward),
                details.contribute(object -> PortToggles.of(model, tasks, object)));
    }

    public void openPanel() {
        tabs.open(panel);
    }

    /** The toolbar's entry to the panel, showing how many forwards are active. */
    public Button toolbarButton() {
        Button button = new Button(null, new FontIcon(MaterialDesignL.LAN_CONNECT));
        button.setId("open-forwards");
        button.setTooltip(new Tooltip("Port forwards"));
        button.setFocusTraversable(false);
        button.getStyleClass().add("flat");
        button.textProperty().bind(model.activeCountProperty().map(n -> n.intValue() == 0 ? "Forwards" : "Forwards (" + n + ")"));
        button.setOnAction(e -> openPanel());
        return button;
    }
}

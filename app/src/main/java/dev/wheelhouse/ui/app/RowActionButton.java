package dev.wheelhouse.ui.app;

import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.common.RowAction;
import dev.wheelhouse.ui.common.RowActions;
import dev.wheelhouse.ui.common.Workspace;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Tooltip;
import javafx.util.Subscription;
import org.kordamp.ikonli.Ikon;

/**
 * A toolbar button for a row action another feature contributed (Edit YAML, Logs), so what the row's menu
 * and key do can also be found with the mouse. Enabled only where the action applies to what is selected.
 */
final class RowActionButton extends Button {

    RowActionButton(String actionId, String label, Ikon icon, RowActions actions, Workspace workspace) {
        super(label, Icons.of(icon));
        setId("row-action-" + actionId);
        // Icon only: the table's toolbar is crowded; the tooltip names the action and its key.
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setTooltip(new Tooltip(label));
        setDisable(true);
        Runnable refresh = () -> {
            Optional<RowAction> action = find(actions, actionId);
            Workspace.Place place = workspace.placeProperty().get();
            setDisable(action.isEmpty() || place.object() == null || !action.get().applies().test(place));
            action.ifPresent(a -> setTooltip(new Tooltip(a.key() == null ? a.label() : a.label() + " (" + a.key().getDisplayText() + ")")));
        };
        setOnAction(e -> find(actions, actionId).ifPresent(a -> a.run().accept(workspace.placeProperty().get())));
        Lifecycle.whileAttached(this, () -> {
            ListChangeListener<RowAction> contributed = change -> refresh.run();
            actions.list().addListener(contributed);
            refresh.run();
            return Subscription.combine(() -> actions.list().removeListener(contributed),
                    workspace.placeProperty().subscribe(place -> refresh.run()));
        });
    }

    private static Optional<RowAction> find(RowActions actions, String id) {
        return actions.list().stream().filter(a -> a.id().equals(id)).findFirst();
    }
}

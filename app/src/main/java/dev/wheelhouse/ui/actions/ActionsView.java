package dev.wheelhouse.ui.actions;

import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.kinds.builtin.Nodes;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ReadOnlyMode;
import dev.wheelhouse.service.ResourceActions;
import dev.wheelhouse.service.ResourceActions.Kubectl;
import dev.wheelhouse.ui.common.CommandLine;
import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.common.RowAction;
import dev.wheelhouse.ui.common.RowActions;
import dev.wheelhouse.ui.common.Workspace;
import dev.wheelhouse.ui.common.Workspace.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.Ikon;

/**
 * The actions on the selected object, as buttons and as row actions (context menu and keys) that
 * it contributes to the table while attached. Each action that changes the cluster asks first, naming the
 * object and showing the kubectl command it equals, with a Copy button; Scale asks for the replicas. In
 * read-only mode those buttons are greyed out and say why (and the service refuses them anyway).
 */
public final class ActionsView extends HBox {
    private final ActionsViewModel model;
    private final Workspace workspace;
    private final List<RowAction> actions = new ArrayList<>();
    private final List<Button> buttons = new ArrayList<>();

    public ActionsView(ActionsViewModel model, Workspace workspace, RowActions rowActions) {
        super(8);
        this.model = model;
        this.workspace = workspace;
        setAlignment(Pos.CENTER_LEFT);
        define("delete", "Delete", new KeyCodeCombination(KeyCode.DELETE), kind -> true, this::confirmDelete);
        define("scale", "Scale…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                kind -> kind.can(Capability.SCALABLE), this::askScale);
        define("restart", "Restart", new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                kind -> kind.can(Capability.RESTARTABLE), place -> confirm(place, "Restart", Kubectl.RESTART,
                        "Its pods are replaced one by one, as a rollout does.", () -> model.restart(place.kind(), place.object())));
        actions.add(new RowAction("cordon", "Cordon", null, place -> cordonable(place) && !cordoned(place.object()),
                place -> confirm(place, "Cordon", Kubectl.CORDON, "No new pods will be scheduled on it; those running stay.",
                        () -> model.setCordoned(place.kind(), place.object(), true))));
        actions.add(new RowAction("uncordon", "Uncordon", null, place -> cordonable(place) && cordoned(place.object()),
                place -> confirm(place, "Uncordon", Kubectl.UNCORDON, "It takes new pods again.",
                        () -> model.setCordoned(place.kind(), place.object(), false))));
        List<RowAction> menuOnly = List.of(
                new RowAction("copy-name", "Copy name", new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN),
                        place -> place.kind() != null, place -> copy(place.object().name())),
                new RowAction("copy-kubectl", "Copy kubectl command",
                        new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        place -> place.kind() != null, place -> copy(ActionsViewModel.kubectlGet(place.kind(), place.object()))));
        Map<String, Ikon> icons = Map.of("delete", Icons.DELETE, "scale", Icons.SCALE, "restart", Icons.RESTART,
                "cordon", Icons.CORDON, "uncordon", Icons.UNCORDON);
        for (RowAction action : actions) {
            Button button = new Button(action.label(), Icons.of(icons.get(action.id())));
            button.setId(action.id());
            button.setOnAction(e -> action.run().accept(workspace.placeProperty().get()));
            buttons.add(button);
        }
        Label result = new Label();
        result.setId("action-result");
        result.getStyleClass().add("action-result");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(buttons);
        getChildren().addAll(spacer, result);

        Lifecycle.whileAttached(this, () -> {
            List<Subscription> all = new ArrayList<>();
            actions.forEach(action -> all.add(rowActions.contribute(action)));
            menuOnly.forEach(action -> all.add(rowActions.contribute(action)));
            all.add(workspace.placeProperty().subscribe(this::refresh));
            all.add(model.readOnlyProperty().subscribe(readOnly -> refresh(workspace.placeProperty().get())));
            all.add(model.lastResultProperty().subscribe(result::setText));
            all.add(model.lastResultProperty().subscribe(this::notifyResult));
            all.add(model.lastResultFailedProperty().subscribe(failed -> {
                result.getStyleClass().remove("failed");
                if (failed) {
                    result.getStyleClass().add("failed");
                }
            }));
            return Subscription.combine(all.toArray(Subscription[]::new));
        });
    }

    /** Every finished action also says so in a notification that fades (ControlsFX), as the peers do. */
    private void notifyResult(String text) {
        if (text == null || text.isBlank() || text.equals(ActionsViewModel.WORKING) || getScene() == null) {
            return;
        }
        boolean failed = model.lastResultFailedProperty().get();
        Notifications notice = Notifications.create().owner(getScene().getWindow()).title(failed ? "Not done" : "Done")
                .text(text).position(Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(failed ? 8 : 4));
        if (failed) {
            notice.showError();
        } else {
            notice.showInformation();
        }
    }

    private void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
        model.lastResultFailedProperty().set(false);
        model.lastResultProperty().set("Copied: " + text);
    }

    private void define(String id, String label, KeyCombination key, Predicate<KindDescriptor> kindAllows,
                        Consumer<Place> run) {
        actions.add(new RowAction(id, label, key, place -> place.kind() != null && kindAllows.test(place.kind()), run));
    }

    /**
     * Buttons show where they mean something for the kind shown (Scale for scalable kinds) and work on a selected object;
     * in read-only mode they are greyed out, and their tooltip says why.
     */
    private void refresh(Place place) {
        boolean readOnly = model.readOnlyProperty().get();
        for (int i = 0; i < actions.size(); i++) {
            boolean shown = actions.get(i).applies().test(place);
            Button button = buttons.get(i);
            button.setVisible(shown);
            button.setManaged(shown);
            button.setDisable(place.object() == null || readOnly);
            button.setTooltip(readOnly ? new Tooltip(ReadOnlyMode.REASON) : null);
        }
    }

    private static boolean cordonable(Place place) {
        return place.kind() != null && place.kind().can(Capability.CORDONABLE);
    }

    private static boolean cordoned(KubeObject node) {
        return node != null && Nodes.cordoned(node);
    }

    private void confirmDelete(Place place) {
        confirm(place, "Delete", Kubectl.DELETE, "", () -> model.delete(place.kind(), place.object()));
    }

    /** Asks before an action that changes the cluster, naming the object and showing the kubectl command it equals. */
    private void confirm(Place place, String verb, Kubectl command, String consequence, Runnable run) {
        KindDescriptor kind = place.kind();
        KubeObject object = place.object();
        String what = kind.kind() + " " + (object.namespace().isEmpty() ? "" : object.namespace() + "/") + object.name();
        Label question = new Label(verb + " " + what + "?" + (consequence.isEmpty() ? "" : " " + consequence));
        question.setWrapText(true);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.CANCEL, ButtonType.OK);
        confirm.getDialogPane().setContent(new VBox(10, question, new Label("The same with kubectl:"),
                new CommandLine(ResourceActions.kubectl(command, kind, object))));
        confirm.setHeaderText(verb + " " + what);
        confirm.initOwner(getScene().getWindow());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> run.run());
    }

    private void askScale(Place place) {
        TextInputDialog dialog = new TextInputDialog(String.valueOf(Cells.wantedReplicas(place.object())));
        dialog.setHeaderText("Scale " + place.kind().kind() + " " + place.object().name());
        dialog.setContentText("Replicas:");
        // The kubectl line follows the replicas as they are typed.
        VBox content = new VBox(10, dialog.getDialogPane().getContent(), new Label("The same with kubectl:"), new CommandLine(
                dialog.getEditor().textProperty().map(typed -> ResourceActions.kubectlScale(place.kind(), place.object(), typed.trim()))));
        dialog.getDialogPane().setContent(content);
        dialog.initOwner(getScene().getWindow());
        dialog.showAndWait().ifPresent(text -> model.scale(place.kind(), place.object(), text));
    }
}

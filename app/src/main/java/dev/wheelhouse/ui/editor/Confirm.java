package dev.wheelhouse.ui.editor;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks before edits are thrown away. */
final class Confirm {
    private Confirm() {
    }

    /** True if the user chose to lose the unsaved edits of {@code title} by {@code action}. */
    static boolean discard(Window owner, String title, String action) {
        ButtonType lose = new ButtonType(action + " and lose the edits", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep editing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, title + " has edits that were not applied or saved.", lose, keep);
        alert.setHeaderText("Unsaved edits");
        if (owner != null) {
            alert.initOwner(owner);
        }
        return alert.showAndWait().filter(lose::equals).isPresent();
    }
}

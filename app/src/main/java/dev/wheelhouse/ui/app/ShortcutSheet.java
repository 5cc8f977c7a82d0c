package dev.wheelhouse.ui.app;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** F1: every shortcut of the window on one sheet. */
final class ShortcutSheet {
    static final String[][] SHORTCUTS = {
            {"Ctrl+K", "Quick switcher: jump to a context, namespace, kind or object"},
            {"Ctrl+F", "Filter the table (name, label=value, label!=value)"},
            {"Alt+Left / Alt+Right", "Back / forward through what you viewed (also the mouse's side buttons)"},
            {"Delete", "Delete the selected object (asks first)"},
            {"Ctrl+Shift+S", "Scale the selected Deployment, StatefulSet or ReplicaSet"},
            {"Ctrl+Shift+R", "Restart the selected Deployment, StatefulSet or DaemonSet"},
            {"L", "Logs of the selected Pod, workload or Service (End follows again, Ctrl+C copies lines)"},
            {"Ctrl+Shift+F", "Forward a port of the selected Pod, Service, Deployment or StatefulSet"},
            {"Shift+F10 / context menu key", "Actions on the selected row"},
            {"Ctrl+C / Ctrl+Shift+C", "Copy the selected object's name / its kubectl command"},
            {"Ctrl+Shift+T", "Open the tab closed last again"},
            {"Ctrl+plus / Ctrl+minus / Ctrl+0", "Larger / smaller / normal text"},
            {"Ctrl+Shift+L", "Switch between light and dark"},
            {"F2", "Learn: the selected kind and object explained"},
            {"F1", "This sheet"},
    };

    private ShortcutSheet() {
    }

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(SHORTCUTS[i][0]);
            key.getStyleClass().add("shortcut-key");
            grid.add(key, 0, i);
            grid.add(new Label(SHORTCUTS[i][1]), 1, i);
        }
        Alert sheet = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        sheet.setTitle("Keyboard shortcuts");
        sheet.setHeaderText("Keyboard shortcuts");
        sheet.getDialogPane().setContent(grid);
        sheet.getDialogPane().setId("shortcut-sheet");
        sheet.initOwner(owner);
        sheet.show();
    }
}

package dev.wheelhouse.ui.portforward;

import dev.wheelhouse.service.ForwardablePorts;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Forward…: which port, and optionally the local port and address (empty: chosen for the user). */
final class ForwardDialog {
    /** What the user asked for; {@code localPort} 0 lets the forward choose. */
    record Choice(ForwardablePorts.Port port, String address, int localPort) {
    }

    private ForwardDialog() {
    }

    static Optional<Choice> ask(Window owner, String title, List<ForwardablePorts.Port> ports) {
        Dialog<Choice> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Forward a port");
        dialog.setHeaderText(title);
        ComboBox<ForwardablePorts.Port> port = new ComboBox<>();
        port.getItems().setAll(ports);
        port.getSelectionModel().selectFirst();
        port.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ForwardablePorts.Port p) {
                return p == null ? "" : p.label();
            }

            @Override
            public ForwardablePorts.Port fromString(String text) {
                return null;
            }
        });
        TextField local = new TextField();
        local.setPromptText("same as the port if free, else any");
        TextField address = new TextField();
        address.setPromptText("127.0.0.1 (only this computer)");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label("Port"), port);
        grid.addRow(1, new Label("Local port"), local);
        grid.addRow(2, new Label("Listen on"), address);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(local.textProperty().map(text -> !text.isBlank() && parsePort(text) < 0));
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new Choice(port.getValue(), address.getText().strip(), Math.max(0, parsePort(local.getText()))) : null);
        return dialog.showAndWait();
    }

    /** A port number 1–65535, 0 for blank, -1 for anything else. */
    static int parsePort(String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            int port = Integer.parseInt(text.strip());
            return port >= 1 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

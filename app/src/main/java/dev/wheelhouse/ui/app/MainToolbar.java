package dev.wheelhouse.ui.app;

import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.service.ReadOnlyMode;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;

/** Back and forward, the quick switcher, text size, light/dark and the shortcut sheet. */
final class MainToolbar extends ToolBar {
    final Button back = button("back", Icons.BACK, "Back (Alt+Left)");
    final Button forward = button("forward", Icons.FORWARD, "Forward (Alt+Right)");
    final Button search = button("open-switcher", Icons.SEARCH, "Go to a context, namespace, kind or object (Ctrl+K)");
    final Button labs = button("open-labs", Icons.LABS, "Labs: guided exercises, checked on the cluster");
    final Button smaller = button("smaller-text", Icons.SMALLER, "Smaller text (Ctrl+minus)");
    final Button larger = button("larger-text", Icons.LARGER, "Larger text (Ctrl+plus)");
    final Button theme = button("toggle-theme", Icons.THEME, "Light or dark (Ctrl+Shift+L)");
    final Button help = button("shortcuts", Icons.HELP, "Keyboard shortcuts (F1)");
    final Button learn = button("open-learning", Icons.LEARN, "Learn: what the selected kind and object are, in words (F2)");
    /** Shown while classroom read-only mode is on. */
    final Label readOnly = new Label("Read-only", Icons.of(Icons.READ_ONLY));

    MainToolbar() {
        setId("main-toolbar");
        search.setText("Go to…");
        labs.setText("Labs");
        learn.setText("Learn");
        readOnly.setId("read-only-mode");
        readOnly.getStyleClass().add("context-chip");
        readOnly.setTooltip(new Tooltip(ReadOnlyMode.REASON));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().setAll(back, forward, search, labs, learn, spacer, readOnly, smaller, larger, theme, help);
    }

    private static Button button(String id, Ikon icon, String tip) {
        Button button = new Button(null, Icons.of(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.getStyleClass().add("flat");
        return button;
    }
}

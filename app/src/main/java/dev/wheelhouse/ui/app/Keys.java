package dev.wheelhouse.ui.app;

import java.util.Map;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.util.Subscription;

/** The window's own shortcuts (see {@link ShortcutSheet}), and the mouse's back and forward buttons. */
final class Keys {
    private Keys() {
    }

    static Subscription install(MainView view, MainViewModel model) {
        Scene scene = view.getScene();
        Map<KeyCombination, Runnable> keys = Map.of(
                new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN), model::back,
                new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN), model::forward,
                new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), model.appearance()::larger,
                new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), model.appearance()::larger,
                new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), model.appearance()::larger,
                new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), model.appearance()::smaller,
                new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), model.appearance()::smaller,
                new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), model.appearance()::resetFontSize,
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), model.appearance()::toggleTheme,
                new KeyCodeCombination(KeyCode.F1), () -> ShortcutSheet.show(scene.getWindow()));
        scene.getAccelerators().putAll(keys);
        EventHandler<MouseEvent> sideButtons = event -> {
            if (event.getButton() == MouseButton.BACK) {
                model.back();
            } else if (event.getButton() == MouseButton.FORWARD) {
                model.forward();
            }
        };
        scene.addEventFilter(MouseEvent.MOUSE_CLICKED, sideButtons);
        return () -> {
            keys.keySet().forEach(scene.getAccelerators()::remove);
            scene.removeEventFilter(MouseEvent.MOUSE_CLICKED, sideButtons);
        };
    }
}

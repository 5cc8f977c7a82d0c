package dev.wheelhouse.ui.app;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Theme and text size, kept in the settings: light, dark, or whatever the desktop prefers
 * (light when it cannot tell), and a font size for classroom projectors (Ctrl+plus/minus).
 */
public final class Appearance {
    public enum ThemeChoice { SYSTEM, LIGHT, DARK }

    static final int DEFAULT_FONT_SIZE = 13;
    static final int MIN_FONT_SIZE = 9;
    static final int MAX_FONT_SIZE = 32;

    private final SettingsKeeper settings;
    private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> desktopPrefersDark = new SimpleObjectProperty<>(false);
    private final IntegerProperty fontSize = new SimpleIntegerProperty();
    private final BooleanBinding dark;

    public Appearance(SettingsKeeper settings) {
        this.settings = settings;
        theme.set(parse(settings.current().string("theme", "system")));
        fontSize.set(clamp((int) settings.current().number("font.size", DEFAULT_FONT_SIZE)));
        dark = Bindings.createBooleanBinding(() -> theme.get() == ThemeChoice.DARK
                || (theme.get() == ThemeChoice.SYSTEM && Boolean.TRUE.equals(desktopPrefersDark.get())), theme, desktopPrefersDark);
        theme.addListener((obs, was, now) -> settings.set("theme", now.name().toLowerCase()));
        fontSize.addListener((obs, was, now) -> settings.set("font.size", now.intValue()));
    }

    private static ThemeChoice parse(String text) {
        for (ThemeChoice choice : ThemeChoice.values()) {
            if (choice.name().equalsIgnoreCase(text)) {
                return choice;
            }
        }
        return ThemeChoice.SYSTEM;
    }

    private static int clamp(int size) {
        return Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, size));
    }

    /** Switches between light and dark explicitly (leaving "follow the desktop"). */
    public void toggleTheme() {
        theme.set(dark.get() ? ThemeChoice.LIGHT : ThemeChoice.DARK);
    }

    public void larger() {
        fontSize.set(clamp(fontSize.get() + 1));
    }

    public void smaller() {
        fontSize.set(clamp(fontSize.get() - 1));
    }

    public void resetFontSize() {
        fontSize.set(DEFAULT_FONT_SIZE);
    }

    /** What the desktop said, once asked (in the background); null when it could not tell. */
    public void desktopPrefersDark(Boolean prefersDark) {
        desktopPrefersDark.set(prefersDark);
    }

    public ObjectProperty<ThemeChoice> themeProperty() {
        return theme;
    }

    public BooleanBinding darkProperty() {
        return dark;
    }

    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }
}

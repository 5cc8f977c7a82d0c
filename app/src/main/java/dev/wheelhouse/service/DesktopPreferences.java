package dev.wheelhouse.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Whether the desktop asks for dark windows. JavaFX 21 cannot tell (its Platform.Preferences came
 * in 22), so this asks the desktop the way its own settings tools do: GNOME's color-scheme, the
 * GTK_THEME variable, macOS's AppleInterfaceStyle, Windows' AppsUseLightTheme. Each answer is a
 * short process run with a time limit; empty means "could not tell".
 */
public final class DesktopPreferences {
    private DesktopPreferences() {
    }

    public static Optional<Boolean> prefersDark() {
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("mac")) {
            // The key exists only in dark mode; the command fails in light mode.
            return Optional.of(run(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).orElse("").contains("Dark"));
        }
        if (os.contains("win")) {
            return run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).map(out -> out.contains("0x0"));
        }
        return fromGnome(System.getenv(), run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme")),
                run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme")));
    }

    static Optional<Boolean> fromGnome(Map<String, String> env, Optional<String> colorScheme, Optional<String> gtkTheme) {
        String variable = env.getOrDefault("GTK_THEME", "");
        if (!variable.isBlank()) {
            return Optional.of(variable.toLowerCase().contains("dark"));
        }
        if (colorScheme.isPresent() && colorScheme.get().contains("prefer-dark")) {
            return Optional.of(true);
        }
        if (colorScheme.isPresent() && colorScheme.get().contains("prefer-light")) {
            return Optional.of(false);
        }
        return gtkTheme.map(theme -> theme.toLowerCase().contains("dark"));
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}

package dev.wheelhouse.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The one settings file ({@code settings.yaml} in the user's config directory). Written
 * atomically (a temporary file moved over the old one), so a crash mid-write never leaves half a
 * file; a file that cannot be read is set aside under another name with a message saying where,
 * and the app starts with defaults instead of failing.
 */
public final class SettingsStore {
    private final Path file;

    /** What loading found: the settings, and a sentence for the user if the file had to be set aside. */
    public record Loaded(Settings settings, String problem) {
    }

    public SettingsStore(Path file) {
        this.file = file;
    }

    /**
     * {@code $WHEELHOUSE_CONFIG_DIR}, else the platform's place: {@code $XDG_CONFIG_HOME/wheelhouse}
     * or {@code ~/.config/wheelhouse} on Linux, {@code ~/Library/Application Support/Wheelhouse} on
     * macOS, {@code %APPDATA%\Wheelhouse} on Windows.
     */
    public static SettingsStore inUserConfigDir() {
        return new SettingsStore(configDir(System.getenv(), System.getProperty("os.name", ""),
                Path.of(System.getProperty("user.home"))).resolve("settings.yaml"));
    }

    static Path configDir(Map<String, String> env, String osName, Path home) {
        String override = env.get("WHEELHOUSE_CONFIG_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase();
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Wheelhouse");
        }
        if (os.contains("win") && env.get("APPDATA") != null) {
            return Path.of(env.get("APPDATA")).resolve("Wheelhouse");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".config")).resolve("wheelhouse");
    }

    public Path file() {
        return file;
    }

    public Loaded load() {
        if (!Files.exists(file)) {
            return new Loaded(Settings.EMPTY, null);
        }
        String problem;
        try {
            Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
            if (document == null) {
                return new Loaded(Settings.EMPTY, null);
            }
            if (document instanceof Map<?, ?> map && map.keySet().stream().allMatch(String.class::isInstance)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) map;
                return new Loaded(new Settings(values), null);
            }
            problem = "it does not hold a list of settings";
        } catch (MarkedYAMLException e) {
            problem = "line " + (e.getProblemMark().getLine() + 1) + ": " + e.getProblem();
        } catch (IOException | RuntimeException e) {
            problem = e.getMessage();
        }
        return new Loaded(Settings.EMPTY, setAside(problem));
    }

    private String setAside(String reason) {
        Path aside = file.resolveSibling(file.getFileName() + ".broken-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            return "The settings file " + file + " could not be read (" + reason + "); it was kept as " + aside
                    + " and Wheelhouse started with default settings.";
        } catch (IOException e) {
            return "The settings file " + file + " could not be read (" + reason + "); Wheelhouse started with default settings.";
        }
    }

    /** Writes the settings atomically; creates the directory if needed. */
    public synchronized void save(Settings settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        String text = "# Wheelhouse settings; written by the app, safe to edit while it is closed.\n"
                + new Yaml(options).dump(settings.values());
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "settings", ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}

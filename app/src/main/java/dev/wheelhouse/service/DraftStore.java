package dev.wheelhouse.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Editor text not yet applied or saved, one file per tab in {@code drafts/} of the config directory, so
 * a closed window (or a crash) loses nothing: the next start opens them again. Written atomically.
 * Methods do file I/O: call them off the UI thread.
 */
public final class DraftStore {
    /**
     * @param id     the tab's identity (the same object edited again finds its draft)
     * @param origin what the text came from: {@code object}, {@code file} or {@code new}
     * @param ref    for an object {@code apiVersion|kind|namespace|name}, for a file its path, else ""
     */
    public record Draft(String id, String title, String context, String origin, String ref, String resourceVersion, String text) {
    }

    private final Path directory;
    /** Drafts of a window without a config directory (tests): kept only in memory. */
    private final Map<String, Draft> memory = new ConcurrentHashMap<>();

    private DraftStore(Path directory) {
        this.directory = directory;
    }

    public static DraftStore in(Path configDirectory) {
        return new DraftStore(configDirectory.resolve("drafts"));
    }

    public static DraftStore inMemory() {
        return new DraftStore(null);
    }

    public void save(Draft draft) throws IOException {
        if (directory == null) {
            memory.put(draft.id(), draft);
            return;
        }
        Files.createDirectories(directory);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", draft.id());
        fields.put("title", draft.title());
        fields.put("context", draft.context());
        fields.put("origin", draft.origin());
        fields.put("ref", draft.ref());
        fields.put("resourceVersion", draft.resourceVersion());
        fields.put("text", draft.text());
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.DOUBLE_QUOTED);
        Path file = fileOf(draft.id());
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(partial, new Yaml(options).dump(fields), StandardCharsets.UTF_8);
        try {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public void delete(String id) throws IOException {
        memory.remove(id);
        if (directory != null) {
            Files.deleteIfExists(fileOf(id));
        }
    }

    /** Every draft kept; files that cannot be read are skipped (and left where they are). */
    public List<Draft> load() throws IOException {
        if (directory == null) {
            return List.copyOf(memory.values());
        }
        List<Draft> drafts = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return drafts;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.yaml")) {
            for (Path file : files) {
                try {
                    Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
                    if (loaded instanceof Map<?, ?> map) {
                        drafts.add(new Draft(text(map, "id"), text(map, "title"), text(map, "context"), text(map, "origin"),
                                text(map, "ref"), text(map, "resourceVersion"), text(map, "text")));
                    }
                } catch (RuntimeException | IOException unreadable) {
                    // A damaged draft must not keep the others from opening.
                }
            }
        }
        return drafts;
    }

    private Path fileOf(String id) {
        return directory.resolve(Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8)) + ".yaml");
    }

    private static String text(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : String.valueOf(value);
    }
}

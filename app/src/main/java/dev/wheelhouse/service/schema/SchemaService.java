package dev.wheelhouse.service.schema;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.service.ClusterSession;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Loads a cluster's {@link ClusterSchema} from its OpenAPI v3 documents (CRDs included), keeping each document
 * on disk under {@code <cache>/openapi/<server>/<group-version>/<hash>.json.gz}. The server names every document by
 * a hash of its content, so a kept document is never stale: a second load asks only for the index and fetches
 * just the documents that changed (a server upgrade, a CRD added or changed). Only {@code components.schemas}
 * is kept (a third of the document), gzipped.
 */
public final class SchemaService {
    private static final int PARALLEL_FETCHES = 4;

    private final Path cacheRoot;

    /** @param cacheRoot the folder that holds the {@code openapi} cache */
    public SchemaService(Path cacheRoot) {
        this.cacheRoot = cacheRoot;
    }

    /** The user's cache folder, see {@link #cacheDir}. */
    public static SchemaService inUserCacheDir() {
        return new SchemaService(cacheDir(System.getenv(), System.getProperty("os.name", ""), Path.of(System.getProperty("user.home"))));
    }

    /**
     * {@code $WHEELHOUSE_CACHE} (as for the sandbox), else the platform's place: {@code $XDG_CACHE_HOME/wheelhouse}
     * or {@code ~/.cache/wheelhouse} on Linux, {@code ~/Library/Caches/Wheelhouse} on macOS,
     * {@code %LOCALAPPDATA%\Wheelhouse\cache} on Windows.
     */
    static Path cacheDir(Map<String, String> env, String osName, Path home) {
        String override = env.get("WHEELHOUSE_CACHE");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = osName.toLowerCase();
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Caches").resolve("Wheelhouse");
        }
        if (os.contains("win") && env.get("LOCALAPPDATA") != null) {
            return Path.of(env.get("LOCALAPPDATA")).resolve("Wheelhouse").resolve("cache");
        }
        String xdg = env.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache")).resolve("wheelhouse");
    }

    /**
     * Loads the schema of a connected cluster: one request for the index, one per document not yet on disk.
     * Blocks on the network and the disk: call it off the UI thread. Documents that cannot be fetched (an
     * aggregated API that is down) are left out and named in the {@link LoadReport}; their kinds are not checked.
     *
     * @throws ProblemException when the index cannot be read (the server cannot be reached or refuses)
     */
    public ClusterSchema load(ClusterSession session) throws ProblemException {
        long started = System.nanoTime();
        Map<String, String> index = session.openApiIndex();
        Path folder = cacheRoot.resolve("openapi").resolve(folderName(session.info().context().server()));
        Map<String, Future<JsonObject>> pending = new LinkedHashMap<>();
        List<String> fetched = new ArrayList<>();
        ExecutorService fetches = Executors.newFixedThreadPool(PARALLEL_FETCHES, runnable -> {
            Thread thread = new Thread(runnable, "wheelhouse-openapi");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Map.Entry<String, String> entry : index.entrySet()) {
                if (!OpenApiDocuments.isGroupVersion(entry.getKey())) {
                    continue;
                }
                Path file = folder.resolve(entry.getKey()).resolve(hashOf(entry.getValue()) + ".json.gz");
                pending.put(entry.getKey(), fetches.submit(() -> {
                    if (Files.isRegularFile(file)) {
                        try {
                            return read(file);
                        } catch (IOException | RuntimeException unreadable) {
                            Files.deleteIfExists(file); // a torn or damaged copy: fetch it again
                        }
                    }
                    JsonObject schemas = schemasOf(session.openApiDocument(entry.getValue()));
                    synchronized (fetched) {
                        fetched.add(entry.getKey());
                    }
                    write(file, schemas);
                    return schemas;
                }));
            }
            Map<String, JsonObject> documents = new LinkedHashMap<>();
            TreeSet<String> unavailable = new TreeSet<>();
            for (Map.Entry<String, Future<JsonObject>> entry : pending.entrySet()) {
                try {
                    documents.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    unavailable.add(entry.getKey());
                }
            }
            LoadReport report = new LoadReport(documents.size(), fetched.size(), List.copyOf(unavailable),
                    Duration.ofNanos(System.nanoTime() - started));
            return new ClusterSchema(new OpenApiDocuments(documents, unavailable), report);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the cluster's schema", e);
        } finally {
            fetches.shutdownNow();
        }
    }

    /** A schema from documents already in hand (group-version path → document JSON): for tests and tools. */
    public static ClusterSchema fromDocuments(Map<String, String> documents) {
        Map<String, JsonObject> parsed = new LinkedHashMap<>();
        documents.forEach((path, json) -> parsed.put(path, schemasOf(json)));
        return new ClusterSchema(new OpenApiDocuments(parsed, java.util.Set.of()),
                new LoadReport(parsed.size(), 0, List.of(), Duration.ZERO));
    }

    private static JsonObject schemasOf(String document) {
        JsonElement parsed = JsonParser.parseString(document);
        return schemasOf(parsed);
    }

    private static JsonObject schemasOf(JsonElement document) {
        if (document instanceof JsonObject root && root.get("components") instanceof JsonObject components
                && components.get("schemas") instanceof JsonObject schemas) {
            return schemas;
        }
        return new JsonObject();
    }

    /** The document's hash from its URL ({@code …?hash=ABC…}), shortened; the whole URL's hash code if it has none. */
    static String hashOf(String serverRelativeUrl) {
        int at = serverRelativeUrl.indexOf("hash=");
        String hash = at >= 0 ? serverRelativeUrl.substring(at + "hash=".length()).replaceAll("[^A-Za-z0-9].*", "") : "";
        if (hash.isEmpty()) {
            hash = Integer.toHexString(serverRelativeUrl.hashCode());
        }
        return hash.length() > 32 ? hash.substring(0, 32) : hash;
    }

    /** {@code https://10.0.0.1:6443} → {@code 10.0.0.1_6443}: one folder per API server. */
    static String folderName(String server) {
        String name;
        try {
            URI uri = URI.create(server);
            name = uri.getHost() == null ? server : uri.getHost() + (uri.getPort() > 0 ? "_" + uri.getPort() : "")
                    + (uri.getPath() == null || uri.getPath().isEmpty() ? "" : uri.getPath());
        } catch (IllegalArgumentException e) {
            name = server;
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "server" : safe;
    }

    private static JsonObject read(Path file) throws IOException {
        try (Reader reader = new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)) {
            return schemasOf(JsonParser.parseReader(reader));
        }
    }

    /** Written beside and moved into place, so a reader never sees half a file; older hashes of the same group-version go. */
    private static void write(Path file, JsonObject schemas) {
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "download", ".partial");
            JsonObject document = new JsonObject();
            JsonObject components = new JsonObject();
            components.add("schemas", schemas);
            document.add("components", components);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
                out.write(document.toString().getBytes(StandardCharsets.UTF_8));
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (DirectoryStream<Path> older = Files.newDirectoryStream(file.getParent(), "*.json.gz")) {
                for (Path other : older) {
                    if (!other.equals(file)) {
                        Files.deleteIfExists(other);
                    }
                }
            }
        } catch (IOException e) {
            // The cache only saves time: a folder that cannot be written means fetching again next time.
            System.getLogger(SchemaService.class.getName()).log(System.Logger.Level.WARNING, "cannot keep " + file + ": " + e.getMessage());
        }
    }
}

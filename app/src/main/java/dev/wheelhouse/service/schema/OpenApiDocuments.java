package dev.wheelhouse.service.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A cluster's OpenAPI v3 schemas, one document per group-version ({@code api/v1}, {@code apis/apps/v1}, a CRD's
 * {@code apis/<group>/<version>}), and where each kind's schema is: the schema whose
 * {@code x-kubernetes-group-version-kind} names it, in its group-version's own document (each document is
 * self-contained: the shared types it refers to are copied into it).
 */
final class OpenApiDocuments {
    private static final String META_TYPES = "io.k8s.apimachinery.pkg.apis.meta.";
    /** apiVersion ({@code apps/v1}, {@code v1}) → kind → the kind's schema name in that document. */
    private final Map<String, Map<String, String>> kinds = new TreeMap<>();
    private final Map<String, JsonObject> schemasByApiVersion = new LinkedHashMap<>();
    private final Set<String> unavailable;

    /**
     * @param documents   group-version path → the document's {@code components.schemas}
     * @param unavailable group-version paths the server lists but whose documents could not be read: kinds
     *                    there are not checked rather than called unknown
     */
    OpenApiDocuments(Map<String, JsonObject> documents, Set<String> unavailable) {
        this.unavailable = Collections.unmodifiableSet(new TreeSet<>(unavailable.stream().map(OpenApiDocuments::apiVersionOf).toList()));
        documents.forEach((path, schemas) -> {
            String apiVersion = apiVersionOf(path);
            schemasByApiVersion.put(apiVersion, schemas);
            Map<String, String> here = new TreeMap<>();
            for (Map.Entry<String, JsonElement> schema : schemas.entrySet()) {
                // Status, DeleteOptions, WatchEvent… name every group-version; they are not kinds anyone writes.
                if (schema.getValue() instanceof JsonObject definition && !schema.getKey().startsWith(META_TYPES)
                        && definition.get("x-kubernetes-group-version-kind") instanceof JsonArray gvks) {
                    for (JsonElement gvk : gvks) {
                        if (gvk instanceof JsonObject g && apiVersion.equals(apiVersion(text(g, "group"), text(g, "version")))) {
                            here.putIfAbsent(text(g, "kind"), schema.getKey());
                        }
                    }
                }
            }
            kinds.put(apiVersion, here);
        });
    }

    /** {@code api/v1} → {@code v1}; {@code apis/apps/v1} → {@code apps/v1}. */
    static String apiVersionOf(String path) {
        return path.startsWith("apis/") ? path.substring("apis/".length()) : path.startsWith("api/") ? path.substring("api/".length()) : path;
    }

    /** Whether an index path names one group-version's document (not {@code apis}, {@code apis/apps}, {@code version}…). */
    static boolean isGroupVersion(String path) {
        String[] parts = path.split("/");
        return (parts.length == 2 && parts[0].equals("api")) || (parts.length == 3 && parts[0].equals("apis"));
    }

    private static String apiVersion(String group, String version) {
        return group == null || group.isEmpty() ? version : group + "/" + version;
    }

    /** The root schema of a kind, or empty when this apiVersion does not serve it. */
    Optional<SchemaNode> kind(String apiVersion, String kind) {
        String name = kinds.getOrDefault(apiVersion, Map.of()).get(kind);
        return name == null ? Optional.empty() : Optional.ofNullable(SchemaNode.named(schemasByApiVersion.get(apiVersion), name));
    }

    boolean servesApiVersion(String apiVersion) {
        return kinds.containsKey(apiVersion);
    }

    boolean isUnavailable(String apiVersion) {
        return unavailable.contains(apiVersion);
    }

    /** Every apiVersion known, sorted. */
    List<String> apiVersions() {
        return List.copyOf(kinds.keySet());
    }

    /** The kinds of one apiVersion (all kinds when it is unknown), sorted, without the {@code …List} kinds. */
    List<String> kinds(String apiVersion) {
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, Map<String, String>> entry : kinds.entrySet()) {
            if (!kinds.containsKey(apiVersion) || entry.getKey().equals(apiVersion)) {
                entry.getValue().keySet().stream().filter(k -> !k.endsWith("List")).forEach(names::add);
            }
        }
        return List.copyOf(names);
    }

    /** The apiVersions that serve a kind, e.g. Deployment → [apps/v1]. */
    List<String> apiVersionsOf(String kind) {
        List<String> found = new ArrayList<>();
        kinds.forEach((apiVersion, names) -> {
            if (names.containsKey(kind)) {
                found.add(apiVersion);
            }
        });
        return found;
    }

    private static String text(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : "";
    }
}

package dev.wheelhouse.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.wheelhouse.model.KubeObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the client's JSON trees into the app's plain {@link KubeObject}s: hash maps in the
 * server's key order, lists, strings, booleans, nulls and numbers. Whole numbers become {@link Long}
 * (or {@link BigInteger} beyond it), as Kubernetes' own unstructured objects keep int64 exactly;
 * others become {@link Double}, or {@link BigDecimal} where a double would change the value.
 * Done by hand because Gson's own route (re-reading the tree as a stream into tree maps) was the
 * largest cost of loading thousands of objects.
 */
public final class JsonMaps {
    /** kubectl apply's copy of the whole object: often as large as the object, and never shown. */
    public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private JsonMaps() {
    }

    public static KubeObject toObject(JsonObject json) {
        return new KubeObject(map(json));
    }

    /**
     * The same fields as a table row keeps them: unchangeable {@link ArrayMap}s, and the texts rows repeat shared
     * (see {@link CompactJson}, which reads rows straight from a response; this is for a watch event's row).
     */
    static Map<String, Object> compactMap(JsonObject json) {
        return map(json, true);
    }

    private static Map<String, Object> map(JsonObject json) {
        return map(json, false);
    }

    private static Map<String, Object> map(JsonObject json, boolean compact) {
        if (compact) {
            Object[] keysAndValues = new Object[json.size() * 2];
            int i = 0;
            for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
                keysAndValues[i++] = CompactJson.key(entry.getKey());
                keysAndValues[i++] = value(entry.getValue(), true);
            }
            return ArrayMap.of(keysAndValues);
        }
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, json.size() * 4 / 3 + 1));
        for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
            map.put(entry.getKey(), value(entry.getValue(), false));
        }
        return map;
    }

    private static Object value(JsonElement element, boolean compact) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonObject()) {
            return map(element.getAsJsonObject(), compact);
        }
        if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            List<Object> list = new ArrayList<>(array.size());
            for (JsonElement item : array) {
                list.add(value(item, compact));
            }
            return list;
        }
        Object scalar = scalar(element.getAsJsonPrimitive());
        return compact && scalar instanceof String text ? CompactJson.shared(text) : scalar;
    }

    /** A JSON string, boolean or number as String, Boolean or the exact Number type. */
    static Object scalar(JsonPrimitive primitive) {
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            return number(primitive.getAsString());
        }
        return primitive.getAsString();
    }

    /** A JSON number's text as Long, BigInteger, Double or BigDecimal, whichever keeps it exactly. */
    static Number number(String text) {
        if (isWhole(text)) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException beyondLong) {
                return new BigInteger(text);
            }
        }
        BigDecimal exact = new BigDecimal(text);
        double approximate = exact.doubleValue();
        if (!Double.isInfinite(approximate) && new BigDecimal(Double.toString(approximate)).compareTo(exact) == 0) {
            return approximate;
        }
        return exact;
    }

    private static boolean isWhole(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-')) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** managedFields is large and never shown; dropping it early halves the memory of big lists. */
    private static JsonObject withoutManagedFields(JsonObject json) {
        JsonObject metadata = json.getAsJsonObject("metadata");
        if (metadata != null) {
            metadata.remove("managedFields");
        }
        return json;
    }

    /**
     * An object as watches and caches should keep it: without managedFields, without kubectl's
     * last-applied-configuration annotation, and, for a CustomResourceDefinition, without its versions'
     * OpenAPI schemas (often hundreds of kilobytes; the kind registry needs only names, scope,
     * versions and printer columns). Changes {@code json} in place and returns it. Objects fetched
     * for editing must not go through this.
     */
    public static JsonObject trimmed(JsonObject json) {
        withoutManagedFields(json);
        JsonObject metadata = child(json, "metadata");
        JsonObject annotations = metadata == null ? null : child(metadata, "annotations");
        if (annotations != null) {
            annotations.remove(LAST_APPLIED);
        }
        if (isCustomResourceDefinition(json)) {
            JsonObject spec = child(json, "spec");
            JsonElement versions = spec == null ? null : spec.get("versions");
            if (versions != null && versions.isJsonArray()) {
                for (JsonElement version : versions.getAsJsonArray()) {
                    if (version.isJsonObject()) {
                        version.getAsJsonObject().remove("schema");
                    }
                }
            }
        }
        return json;
    }

    private static boolean isCustomResourceDefinition(JsonObject json) {
        JsonElement kind = json.get("kind");
        JsonElement apiVersion = json.get("apiVersion");
        return kind != null && kind.isJsonPrimitive() && "CustomResourceDefinition".equals(kind.getAsString())
                && apiVersion != null && apiVersion.isJsonPrimitive() && apiVersion.getAsString().startsWith("apiextensions.k8s.io/");
    }

    private static JsonObject child(JsonObject parent, String key) {
        JsonElement child = parent.get(key);
        return child != null && child.isJsonObject() ? child.getAsJsonObject() : null;
    }
}

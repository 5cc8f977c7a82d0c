package dev.wheelhouse.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.wheelhouse.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts the client's JSON trees into the app's plain {@link KubeObject}s: hash maps in the
 * server's key order, lists, strings, booleans and numbers (as doubles, like JSON itself).
 * Done by hand because Gson's own route (re-reading the tree as a stream into tree maps) was the
 * largest cost of loading thousands of objects.
 */
final class JsonMaps {
    private JsonMaps() {
    }

    static KubeObject toObject(JsonObject json) {
        return new KubeObject(map(json));
    }

    private static Map<String, Object> map(JsonObject json) {
        Map<String, Object> map = new LinkedHashMap<>(Math.max(4, json.size() * 4 / 3 + 1));
        for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
            Object value = value(entry.getValue());
            if (value != null) {
                map.put(entry.getKey(), value);
            }
        }
        return map;
    }

    private static Object value(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonObject()) {
            return map(element.getAsJsonObject());
        }
        if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            List<Object> list = new ArrayList<>(array.size());
            for (JsonElement item : array) {
                list.add(value(item));
            }
            return list;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isNumber()) {
            return primitive.getAsDouble();
        }
        return primitive.getAsString();
    }

    /** managedFields is large and never shown; dropping it early halves the memory of big lists. */
    static JsonObject withoutManagedFields(JsonObject json) {
        JsonObject metadata = json.getAsJsonObject("metadata");
        if (metadata != null) {
            metadata.remove("managedFields");
        }
        return json;
    }
}

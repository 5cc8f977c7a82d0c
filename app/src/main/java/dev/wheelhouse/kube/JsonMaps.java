package dev.wheelhouse.kube;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.reflect.TypeToken;
import dev.wheelhouse.model.KubeObject;
import java.lang.reflect.Type;
import java.util.Map;

/** Converts the client's JSON trees into the app's plain {@link KubeObject}s. */
final class JsonMaps {
    private static final Gson GSON = new Gson();
    private static final Type MAP = new TypeToken<Map<String, Object>>() { }.getType();

    private JsonMaps() {
    }

    static KubeObject toObject(JsonObject json) {
        return new KubeObject(GSON.fromJson(json, MAP));
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

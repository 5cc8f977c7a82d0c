package dev.wheelhouse.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ResourceType;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lists and watches whole objects as JSON, without their managedFields (large, never shown). */
final class FullObjects implements WatchDecoding {
    private final ResourceType type;

    FullObjects(ResourceType type) {
        this.type = type;
    }

    @Override
    public String accept() {
        return "application/json";
    }

    @Override
    public Map<String, String> query() {
        return Map.of();
    }

    @Override
    public ListPage readPage(Reader body) throws IOException {
        JsonObject page = TrimmedJson.readObject(body);
        List<KubeObject> items = new ArrayList<>();
        if (page.has("items") && page.get("items").isJsonArray()) {
            for (JsonElement item : page.getAsJsonArray("items")) {
                items.add(eventItem(item.getAsJsonObject()));
            }
        }
        return ListPage.of(page, items, Optional.empty());
    }

    /** The API server leaves kind and apiVersion off the items of a list; this puts them back. */
    @Override
    public KubeObject eventItem(JsonObject object) {
        if (!object.has("kind")) {
            object.addProperty("kind", type.kind());
        }
        if (!object.has("apiVersion")) {
            object.addProperty("apiVersion", type.apiVersion());
        }
        return JsonMaps.toObject(JsonMaps.trimmed(object));
    }
}

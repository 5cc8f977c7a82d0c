package dev.wheelhouse.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedColumn;
import java.util.List;
import java.util.Optional;

/**
 * One page of a list as read: its items, the printed columns it declared (tables only), and what its list
 * metadata says of paging: the list's resourceVersion, the token of the next page ("" for the last one) and
 * how many items the server says are left (-1 when it does not say).
 */
record ListPage(List<KubeObject> items, Optional<List<PrintedColumn>> columns, String resourceVersion,
                String continueToken, long remainingItemCount) {
    /** A page read as a JSON tree, with these items and columns read from it. */
    static ListPage of(JsonObject page, List<KubeObject> items, Optional<List<PrintedColumn>> columns) {
        JsonElement metadata = page.get("metadata");
        JsonObject list = metadata != null && metadata.isJsonObject() ? metadata.getAsJsonObject() : new JsonObject();
        return new ListPage(items, columns, text(list, "resourceVersion"), text(list, "continue"),
                list.has("remainingItemCount") && list.get("remainingItemCount").isJsonPrimitive() ? list.get("remainingItemCount").getAsLong() : -1);
    }

    private static String text(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : "";
    }
}

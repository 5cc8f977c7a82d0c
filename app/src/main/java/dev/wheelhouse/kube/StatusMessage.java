package dev.wheelhouse.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/** Reads the human message out of a Kubernetes Status body, if the body is one. */
final class StatusMessage {
    private StatusMessage() {
    }

    static String of(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonElement json = JsonParser.parseString(body);
            if (json.isJsonObject() && json.getAsJsonObject().has("message")) {
                return json.getAsJsonObject().get("message").getAsString();
            }
        } catch (RuntimeException notJson) {
            // Proxies and load balancers answer in HTML or plain text; show the start of it.
        }
        String flat = body.strip().replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}

package dev.wheelhouse.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiException;
import java.util.ArrayList;
import java.util.List;

/**
 * The API server said no, with its Status: the HTTP code, its reason ({@code Conflict}, {@code Invalid},
 * {@code BadRequest}…), its message and the causes it listed ({@code details.causes}: a field, a reason,
 * a message each), which point at the fields at fault.
 */
public final class ServerRefusal extends Exception {
    private final int code;
    private final String reason;
    private final List<Cause> causes;

    /** One of the Status' causes; {@code field} as the server wrote it, e.g. {@code .spec.replicas} or {@code spec.foo}. */
    public record Cause(String reason, String message, String field) {
    }

    public ServerRefusal(int code, String reason, String message, List<Cause> causes) {
        super(message);
        this.code = code;
        this.reason = reason;
        this.causes = List.copyOf(causes);
    }

    public int code() {
        return code;
    }

    public String reason() {
        return reason;
    }

    public List<Cause> causes() {
        return causes;
    }

    /** Reads the Status body of a failed request; a body that is not one becomes the message. */
    static ServerRefusal of(ApiException e) {
        String body = e.getResponseBody() == null ? "" : e.getResponseBody();
        try {
            JsonObject status = JsonParser.parseString(body).getAsJsonObject();
            List<Cause> causes = new ArrayList<>();
            JsonObject details = status.has("details") && status.get("details").isJsonObject() ? status.getAsJsonObject("details") : null;
            if (details != null && details.has("causes") && details.get("causes").isJsonArray()) {
                for (JsonElement element : details.getAsJsonArray("causes")) {
                    JsonObject cause = element.getAsJsonObject();
                    causes.add(new Cause(text(cause, "reason"), text(cause, "message"), text(cause, "field")));
                }
            }
            return new ServerRefusal(e.getCode(), text(status, "reason"), text(status, "message"), causes);
        } catch (RuntimeException notStatus) {
            return new ServerRefusal(e.getCode(), "", body.isBlank() ? String.valueOf(e.getMessage()) : body.strip(), List.of());
        }
    }

    private static String text(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() ? "" : value.getAsString();
    }
}

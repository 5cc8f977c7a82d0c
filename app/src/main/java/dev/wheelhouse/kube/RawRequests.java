package dev.wheelhouse.kube;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wheelhouse.model.ResourceType;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Requests the generated API cannot make (an apply patch with {@code fieldValidation}, discovery of one
 * group version), through the client's own {@code buildCall} so its credentials apply. A failed answer
 * is an {@link ApiException} carrying the server's Status body.
 */
final class RawRequests {
    private RawRequests() {
    }

    /** {@code /api/v1} or {@code /apis/<group>/<version>}. */
    static String groupVersionPath(String group, String version) {
        return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
    }

    static String objectPath(ApiClient client, ResourceType type, String namespace, String name) {
        return groupVersionPath(type.group(), type.version())
                + (type.namespaced() ? "/namespaces/" + client.escapeString(namespace) : "")
                + "/" + type.plural() + (name == null ? "" : "/" + client.escapeString(name));
    }

    static JsonObject get(ApiClient client, String path) throws ApiException {
        return send(client, path, "GET", List.of(), null, null);
    }

    static JsonObject send(ApiClient client, String path, String method, List<Pair> query, Object body, String contentType)
            throws ApiException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        Call call = client.buildCall(null, path, method, query, List.of(), body, headers, new HashMap<>(), new HashMap<>(),
                new String[] {"BearerToken"}, null);
        try (Response response = call.execute()) {
            String text = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), response.headers().toMultimap(), text);
            }
            return JsonParser.parseString(text).getAsJsonObject();
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }
}

package dev.wheelhouse.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;

/**
 * The API server's OpenAPI v3 documents, one per group-version, fetched raw (the client has no helper for
 * them) through the context's client so its credentials apply.
 */
final class OpenApiV3 {
    private OpenApiV3() {
    }

    /**
     * {@code /openapi/v3}: each group-version path ({@code api/v1}, {@code apis/apps/v1}, a CRD's
     * {@code apis/<group>/<version>}) to its document's URL, which carries a hash of the content: a URL never
     * names two different documents, so a document fetched once can be kept.
     */
    static Map<String, String> index(ApiClient client) throws ApiException {
        JsonObject paths = JsonParser.parseString(get(client, "/openapi/v3")).getAsJsonObject().getAsJsonObject("paths");
        Map<String, String> urls = new LinkedHashMap<>();
        if (paths != null) {
            for (Map.Entry<String, JsonElement> entry : paths.entrySet()) {
                JsonElement url = entry.getValue().isJsonObject() ? entry.getValue().getAsJsonObject().get("serverRelativeURL") : null;
                if (url != null && url.isJsonPrimitive()) {
                    urls.put(entry.getKey(), url.getAsString());
                }
            }
        }
        return urls;
    }

    /** One document of the index, as JSON text. */
    static String document(ApiClient client, String serverRelativeUrl) throws ApiException {
        if (!serverRelativeUrl.startsWith("/openapi/v3/")) {
            throw new IllegalArgumentException("not an OpenAPI v3 document: " + serverRelativeUrl);
        }
        return get(client, serverRelativeUrl);
    }

    private static String get(ApiClient client, String pathAndQuery) throws ApiException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "application/json");
        Call call = client.buildCall(null, pathAndQuery, "GET", List.of(), List.of(), null, headers, new HashMap<>(),
                new HashMap<>(), new String[] {"BearerToken"}, null);
        try (Response response = call.execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), response.headers().toMultimap(), body);
            }
            return body;
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }
}

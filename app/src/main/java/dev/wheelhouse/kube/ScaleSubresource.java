package dev.wheelhouse.kube;

import dev.wheelhouse.model.ResourceType;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Changes replicas through an object's {@code /scale} subresource with a merge patch, as {@code kubectl scale}
 * does, so the same RBAC applies: {@code patch} on {@code deployments/scale}, not on the Deployment itself.
 * (The generic API of the client library has no subresource patch.)
 */
final class ScaleSubresource {
    private ScaleSubresource() {
    }

    static void setReplicas(ApiClient client, ResourceType type, String namespace, String name, int replicas) throws ApiException {
        String prefix = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.group() + "/" + type.version();
        String path = prefix + (type.namespaced() ? "/namespaces/" + client.escapeString(namespace) : "") + "/" + type.plural()
                + "/" + client.escapeString(name) + "/scale";
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH);
        headers.put("Accept", "application/json");
        V1Patch patch = new V1Patch("{\"spec\":{\"replicas\":" + replicas + "}}");
        Call call = client.buildCall(null, path, "PATCH", List.of(), List.of(), patch, headers, new HashMap<>(), new HashMap<>(),
                new String[] {"BearerToken"}, null);
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                String body = response.body() == null ? "" : response.body().string();
                throw new ApiException(response.code(), response.headers().toMultimap(), body);
            }
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }
}

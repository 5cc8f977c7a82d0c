package dev.wheelhouse.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wheelhouse.model.ResourceType;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kind → resource (plural, scope) by discovery of the kind's group version, as kubectl maps a manifest's
 * kind: never by guessing plurals. Answers are kept per group version; one that lacks the kind is asked
 * again, since a CRD applied a moment ago adds kinds.
 */
final class ApiResources {
    private final ApiClient client;
    private final Map<String, JsonObject> lists = new ConcurrentHashMap<>();

    ApiResources(ApiClient client) {
        this.client = client;
    }

    /** The resource of {@code kind} in {@code apiVersion} ({@code v1}, {@code apps/v1}); empty if the server serves none. */
    Optional<ResourceType> resolve(String apiVersion, String kind) throws ApiException {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        JsonObject known = lists.get(apiVersion);
        Optional<ResourceType> found = known == null ? Optional.empty() : find(known, group, version, kind);
        if (found.isPresent()) {
            return found;
        }
        JsonObject fresh;
        try {
            fresh = RawRequests.get(client, RawRequests.groupVersionPath(group, version));
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        lists.put(apiVersion, fresh);
        return find(fresh, group, version, kind);
    }

    private static Optional<ResourceType> find(JsonObject list, String group, String version, String kind) {
        JsonElement resources = list.get("resources");
        if (resources == null || !resources.isJsonArray()) {
            return Optional.empty();
        }
        for (JsonElement element : resources.getAsJsonArray()) {
            JsonObject resource = element.getAsJsonObject();
            String name = resource.get("name").getAsString();
            if (!name.contains("/") && kind.equals(resource.get("kind").getAsString())) {
                return Optional.of(new ResourceType(group, version, name, kind, resource.get("namespaced").getAsBoolean()));
            }
        }
        return Optional.empty();
    }
}

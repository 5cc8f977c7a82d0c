package dev.wheelhouse.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.wheelhouse.model.ResourceType;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesListObject;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.options.ListOptions;

/**
 * Lists and watches one resource type for an informer, in pages of {@value #PAGE_SIZE} as kubectl does.
 * The API server leaves kind and apiVersion off the items of a list, and the client's informer
 * then fails on {@code DynamicKubernetesObject.getKind()}; this fills them in from the type.
 */
final class DynamicListerWatcher implements ListerWatcher<DynamicKubernetesObject, DynamicKubernetesListObject> {
    static final int PAGE_SIZE = 500;

    private final DynamicKubernetesApi api;
    private final ResourceType type;
    private final String namespace;

    DynamicListerWatcher(DynamicKubernetesApi api, ResourceType type, String namespace) {
        this.api = api;
        this.type = type;
        this.namespace = namespace;
    }

    @Override
    public DynamicKubernetesListObject list(CallGeneratorParams params) throws ApiException {
        JsonArray items = new JsonArray();
        DynamicKubernetesListObject page;
        String next = null;
        do {
            ListOptions options = new ListOptions().limit(PAGE_SIZE).timeoutSeconds(params.timeoutSeconds);
            if (next == null) {
                options.setResourceVersion(params.resourceVersion);
            } else {
                options.setContinue(next);
            }
            KubernetesApiResponse<DynamicKubernetesListObject> response =
                    namespace.isEmpty() ? api.list(options) : api.list(namespace, options);
            page = Responses.check(response);
            for (DynamicKubernetesObject item : page.getItems()) {
                items.add(withTypeMeta(item).getRaw());
            }
            next = page.getMetadata() == null ? null : page.getMetadata().getContinue();
        } while (next != null && !next.isEmpty());
        JsonObject all = new JsonObject();
        all.addProperty("apiVersion", page.getApiVersion());
        all.addProperty("kind", page.getKind());
        // The resourceVersion of a paged list is the one the first page fixed; every page repeats it.
        all.add("metadata", page.getRaw().get("metadata"));
        all.add("items", items);
        return new DynamicKubernetesListObject(all);
    }

    @Override
    public Watchable<DynamicKubernetesObject> watch(CallGeneratorParams params) throws ApiException {
        ListOptions options = new ListOptions().resourceVersion(params.resourceVersion).timeoutSeconds(params.timeoutSeconds);
        return namespace.isEmpty() ? api.watch(options) : api.watch(namespace, options);
    }

    private DynamicKubernetesObject withTypeMeta(DynamicKubernetesObject item) {
        JsonObject raw = item.getRaw();
        if (!raw.has("kind")) {
            raw.addProperty("kind", type.kind());
        }
        if (!raw.has("apiVersion")) {
            raw.addProperty("apiVersion", type.apiVersion());
        }
        JsonMaps.withoutManagedFields(raw);
        return item;
    }
}

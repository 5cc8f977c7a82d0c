package dev.wheelhouse.kinds.explain;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wheelhouse.kube.JsonMaps;
import dev.wheelhouse.model.KubeObject;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Objects captured from the sandbox with {@code kubectl get -o json} (namespace learnfix: the two-tier frontend,
 * a Pod whose nodeSelector no node matches, one asking for more CPU than any node has, a Deployment past its
 * progress deadline, a Pod held by a finalizer; and the failing Pods the sandbox seeds in namespace lessons),
 * converted as the app converts what it receives.
 */
final class LearningFixtures {
    private LearningFixtures() {
    }

    static KubeObject object(String name) {
        return JsonMaps.toObject(json(name));
    }

    static List<KubeObject> items(String name) {
        return JsonMaps.toObject(json(name)).list("items").stream().map(LearningFixtures::asObject).toList();
    }

    /**
     * A captured Pod with another status, as the kubelet reports it in states the sandbox does not simulate
     * (eviction, a container still being created).
     */
    static KubeObject withStatus(KubeObject pod, String statusJson) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("kind", pod.kind());
        fields.put("apiVersion", pod.apiVersion());
        fields.put("metadata", pod.map("metadata"));
        fields.put("spec", pod.map("spec"));
        fields.put("status", JsonMaps.toObject(JsonParser.parseString("{\"s\":" + statusJson + "}").getAsJsonObject()).map("s"));
        return new KubeObject(fields);
    }

    @SuppressWarnings("unchecked")
    private static KubeObject asObject(Object item) {
        return new KubeObject((Map<String, Object>) item);
    }

    private static JsonObject json(String name) {
        try (Reader reader = new InputStreamReader(LearningFixtures.class.getResourceAsStream("/fixtures/learning/" + name + ".json"),
                StandardCharsets.UTF_8)) {
            return JsonParser.parseReader(reader).getAsJsonObject();
        } catch (Exception e) {
            throw new IllegalStateException("fixture " + name, e);
        }
    }
}

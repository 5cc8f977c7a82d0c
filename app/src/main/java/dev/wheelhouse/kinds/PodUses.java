package dev.wheelhouse.kinds;

import dev.wheelhouse.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which ConfigMaps and Secrets a Pod reads, and how: as environment variables, as files in a volume, as pull credentials.
 * One reading for the details' links, the learning panel's sentences and the labs' checks.
 */
public final class PodUses {
    private PodUses() {
    }

    /** ConfigMap name → the ways this Pod uses it, in the order found. */
    public static Map<String, Set<String>> configMaps(KubeObject pod) {
        return uses(pod, "configMap", "configMapRef", "configMapKeyRef", "name");
    }

    /** Secret name → the ways this Pod uses it. */
    public static Map<String, Set<String>> secrets(KubeObject pod) {
        Map<String, Set<String>> found = uses(pod, "secret", "secretRef", "secretKeyRef", "secretName");
        for (Map<String, Object> pull : maps(pod.list("spec.imagePullSecrets"))) {
            add(found, text(pull, "name"), "to pull its images");
        }
        return found;
    }

    /** The Pod a workload's template makes, as far as these uses go (its {@code spec.template.spec}). */
    public static KubeObject templatePod(KubeObject workload) {
        return new KubeObject(Map.of("spec", workload.map("spec.template.spec")));
    }

    private static Map<String, Set<String>> uses(KubeObject pod, String volumeKey, String envFromKey, String keyRefKey,
                                                 String volumeNameField) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        List<Object> containers = new ArrayList<>(pod.list("spec.initContainers"));
        containers.addAll(pod.list("spec.containers"));
        for (Map<String, Object> container : maps(containers)) {
            for (Map<String, Object> from : maps(list(container, "envFrom"))) {
                add(found, text(map(from, envFromKey), "name"), "as environment variables");
            }
            for (Map<String, Object> env : maps(list(container, "env"))) {
                add(found, text(map(map(env, "valueFrom"), keyRefKey), "name"), "as environment variables");
            }
        }
        for (Map<String, Object> volume : maps(pod.list("spec.volumes"))) {
            add(found, text(map(volume, volumeKey), volumeNameField), "as files in a volume");
            // Kubernetes adds a kube-api-access volume to every Pod (its token and kube-root-ca.crt): not the user's doing.
            if (text(volume, "name").startsWith("kube-api-access-")) {
                continue;
            }
            for (Map<String, Object> source : maps(list(map(volume, "projected"), "sources"))) {
                add(found, text(map(source, volumeKey), "name"), "as files in a volume");
            }
        }
        return found;
    }

    private static void add(Map<String, Set<String>> found, String name, String how) {
        if (!name.isEmpty()) {
            found.computeIfAbsent(name, n -> new LinkedHashSet<>()).add(how);
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(List<Object> list) {
        return list.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> from, String key) {
        return from.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> from, String key) {
        return from.get(key) instanceof List<?> l ? (List<Object>) l : List.of();
    }

    public static String text(Map<String, Object> from, String key) {
        return KubeObject.text(from.get(key));
    }
}

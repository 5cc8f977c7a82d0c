package dev.wheelhouse.kinds.explain;

import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import java.util.List;
import java.util.Map;

/**
 * The other objects an explanation reads, by Kind ("Pod", "ReplicaSet"…), as far as they are known. A Kind
 * that is absent has not been read yet (the sentences then say less); one that maps to an empty list was
 * read and has nothing.
 */
public record Related(Map<String, List<KubeObject>> byKind) {
    public Related {
        byKind = Map.copyOf(byKind);
    }

    public boolean known(String kind) {
        return byKind.containsKey(kind);
    }

    public List<KubeObject> of(String kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** One list to read: objects of {@code kind} in {@code namespace} (null: cluster-scoped), picked by {@code selector}. */
    public record Need(String kind, String namespace, ListSelector selector) {
    }
}

package dev.wheelhouse.kinds;

import dev.wheelhouse.model.ResourceType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The one list of kinds Wheelhouse knows by heart. Kinds not listed here use the server's own table. */
public final class KindRegistry {
    public static final KindDescriptor NAMESPACE = new KindDescriptor(
            new ResourceType("", "v1", "namespaces", "Namespace", false), "Cluster",
            List.of(Column.text("Status", o -> o.string("status.phase")), Cells.AGE),
            Set.of(), "namespace");

    private final Map<String, KindDescriptor> byKind = new LinkedHashMap<>();

    public KindRegistry() {
        for (KindDescriptor descriptor : List.of(NAMESPACE)) {
            byKind.put(key(descriptor.type().group(), descriptor.kind()), descriptor);
        }
    }

    public List<KindDescriptor> all() {
        return List.copyOf(byKind.values());
    }

    public Optional<KindDescriptor> find(String group, String kind) {
        return Optional.ofNullable(byKind.get(key(group, kind)));
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;

/** Namespaces: the folders of a cluster, as {@code kubectl get namespaces}. */
public final class Namespaces {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "namespaces", "Namespace")
            .category(Category.CLUSTER)
            .column("Status", o -> o.string("status.phase"))
            .age()
            .health(o -> "Active".equals(o.string("status.phase")) ? Health.GOOD : Health.PROGRESSING)
            .learning("namespace")
            .build();

    private Namespaces() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;

/** Namespaces: the folders of a cluster; health from the printed Status. */
public final class Namespaces {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "namespaces", "Namespace")
            .category(Category.CLUSTER)
            .health(o -> "Active".equals(o.cell("Status")) ? Health.GOOD : Health.PROGRESSING)
            .learning("namespace")
            .build();

    private Namespaces() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** Secrets: Type and key count, as {@code kubectl get secrets}. Values stay masked until revealed one by one. */
public final class Secrets {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "secrets", "Secret").namespaced()
            .category(Category.CONFIG)
            .column("Type", o -> o.string("type"))
            .numberColumn("Data", o -> (long) o.map("data").size())
            .age()
            .learning("secret")
            .build();

    private Secrets() {
    }
}

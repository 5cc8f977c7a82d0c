package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** Secrets: their tables never carry values; the details mask them until revealed one by one. */
public final class Secrets {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "secrets", "Secret").namespaced()
            .category(Category.CONFIG)
            .learning("secret")
            .build();

    private Secrets() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** Ingresses: HTTP routes into Services. */
public final class Ingresses {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("networking.k8s.io", "v1", "ingresses", "Ingress").namespaced()
            .category(Category.NETWORK)
            .learning("ingress")
            .build();

    private Ingresses() {
    }
}

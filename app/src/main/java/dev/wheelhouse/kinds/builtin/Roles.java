package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** Roles: sets of permissions within a namespace. */
public final class Roles {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("rbac.authorization.k8s.io", "v1", "roles", "Role").namespaced()
            .category(Category.ACCESS)
            .learning("role")
            .build();

    private Roles() {
    }
}

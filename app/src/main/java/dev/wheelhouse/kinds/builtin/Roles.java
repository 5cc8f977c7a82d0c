package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** Roles: sets of permissions within a namespace, as {@code kubectl get roles}. */
public final class Roles {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("rbac.authorization.k8s.io", "v1", "roles", "Role").namespaced()
            .category(Category.ACCESS)
            .column("Created at", o -> o.string("metadata.creationTimestamp"))
            .age()
            .numberColumn("Rules", o -> (long) o.list("rules").size())
            .learning("role")
            .build();

    private Roles() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** RoleBindings: who gets a Role. */
public final class RoleBindings {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding")
            .namespaced()
            .category(Category.ACCESS)
            .learning("rolebinding")
            .build();

    private RoleBindings() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** ServiceAccounts: identities for Pods. */
public final class ServiceAccounts {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "serviceaccounts", "ServiceAccount").namespaced()
            .category(Category.ACCESS)
            .learning("serviceaccount")
            .build();

    private ServiceAccounts() {
    }
}

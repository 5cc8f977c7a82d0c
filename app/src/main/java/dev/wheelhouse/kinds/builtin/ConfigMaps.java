package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** ConfigMaps: configuration as keys and values, shown in the details. */
public final class ConfigMaps {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "configmaps", "ConfigMap").namespaced()
            .category(Category.CONFIG)
            .learning("configmap")
            .build();

    private ConfigMaps() {
    }
}

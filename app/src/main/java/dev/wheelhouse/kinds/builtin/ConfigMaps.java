package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** ConfigMaps: how many keys, as {@code kubectl get configmaps}. Values show in the details. */
public final class ConfigMaps {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "configmaps", "ConfigMap").namespaced()
            .category(Category.CONFIG)
            .numberColumn("Data", o -> (long) o.map("data").size() + o.map("binaryData").size())
            .age()
            .learning("configmap")
            .build();

    private ConfigMaps() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** StorageClasses: the kinds of storage a cluster can provision. */
public final class StorageClasses {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("storage.k8s.io", "v1", "storageclasses", "StorageClass")
            .category(Category.STORAGE)
            .learning("storageclass")
            .build();

    private StorageClasses() {
    }
}

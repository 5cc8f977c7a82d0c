package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** StorageClasses: the kinds of storage a cluster can provision, as {@code kubectl get storageclasses}. */
public final class StorageClasses {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("storage.k8s.io", "v1", "storageclasses", "StorageClass")
            .category(Category.STORAGE)
            .column("Provisioner", o -> o.string("provisioner"))
            .column("ReclaimPolicy", o -> o.string("reclaimPolicy").isEmpty() ? "Delete" : o.string("reclaimPolicy"))
            .column("VolumeBindingMode", o -> o.string("volumeBindingMode").isEmpty() ? "Immediate" : o.string("volumeBindingMode"))
            .column("AllowVolumeExpansion", o -> o.string("allowVolumeExpansion").isEmpty() ? "false" : o.string("allowVolumeExpansion"))
            .age()
            .learning("storageclass")
            .build();

    private StorageClasses() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;

/** PersistentVolumeClaims: a Pod's request for storage, as {@code kubectl get pvc}. */
public final class PersistentVolumeClaims {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim")
            .namespaced()
            .category(Category.STORAGE)
            .column("Status", o -> o.string("status.phase"))
            .column("Volume", o -> o.string("spec.volumeName"))
            .column("Capacity", o -> o.string("status.capacity.storage"))
            .column("Access modes", o -> AccessModes.of(o, "status.accessModes"))
            .column("StorageClass", o -> o.string("spec.storageClassName"))
            .age()
            .health(o -> switch (o.string("status.phase")) {
                case "Bound" -> Health.GOOD;
                case "Lost" -> Health.BAD;
                default -> Health.PROGRESSING;
            })
            .learning("persistentvolumeclaim")
            .build();

    private PersistentVolumeClaims() {
    }
}

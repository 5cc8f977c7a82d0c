package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;

/** PersistentVolumes: cluster-wide pieces of storage, as {@code kubectl get pv}. */
public final class PersistentVolumes {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "persistentvolumes", "PersistentVolume")
            .category(Category.STORAGE)
            .column("Capacity", o -> o.string("spec.capacity.storage"))
            .column("Access modes", o -> AccessModes.of(o, "spec.accessModes"))
            .column("Reclaim policy", o -> o.string("spec.persistentVolumeReclaimPolicy"))
            .column("Status", o -> o.string("status.phase"))
            .column("Claim", o -> o.string("spec.claimRef.name").isEmpty() ? ""
                    : o.string("spec.claimRef.namespace") + "/" + o.string("spec.claimRef.name"))
            .column("StorageClass", o -> o.string("spec.storageClassName"))
            .age()
            .health(o -> switch (o.string("status.phase")) {
                case "Bound", "Available" -> Health.GOOD;
                case "Failed" -> Health.BAD;
                default -> Health.NEUTRAL;
            })
            .learning("persistentvolume")
            .build();

    private PersistentVolumes() {
    }
}

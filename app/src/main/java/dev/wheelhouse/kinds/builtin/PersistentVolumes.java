package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;

/** PersistentVolumes: cluster-wide pieces of storage; health from the printed Status. */
public final class PersistentVolumes {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "persistentvolumes", "PersistentVolume")
            .category(Category.STORAGE)
            .health(o -> switch (o.cell("Status")) {
                case "Bound", "Available" -> Health.GOOD;
                case "Failed" -> Health.BAD;
                default -> Health.NEUTRAL;
            })
            .learning("persistentvolume")
            .build();

    private PersistentVolumes() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;

/** PersistentVolumeClaims: a Pod's request for storage; health from the printed Status. */
public final class PersistentVolumeClaims {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim")
            .namespaced()
            .category(Category.STORAGE)
            .health(o -> switch (o.cell("Status")) {
                case "Bound" -> Health.GOOD;
                case "Lost" -> Health.BAD;
                default -> Health.PROGRESSING;
            })
            .learning("persistentvolumeclaim")
            .build();

    private PersistentVolumeClaims() {
    }
}

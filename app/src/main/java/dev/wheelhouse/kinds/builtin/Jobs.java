package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;

/** Jobs: run Pods to completion; health from the Status kubectl prints. */
public final class Jobs {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("batch", "v1", "jobs", "Job").namespaced()
            .category(Category.WORKLOADS)
            .health(o -> switch (o.cell("Status")) {
                case "Complete" -> Health.NEUTRAL;
                case "Failed" -> Health.BAD;
                default -> Health.PROGRESSING;
            })
            .owns("Pod")
            .can(Capability.LOGGABLE)
            .learning("job")
            .build();

    private Jobs() {
    }
}

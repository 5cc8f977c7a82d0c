package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;

/** ReplicaSets: a number of identical Pods; health from the printed Desired and Ready counts. */
public final class ReplicaSets {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("apps", "v1", "replicasets", "ReplicaSet").namespaced()
            .category(Category.WORKLOADS)
            .health(o -> Cells.leadingNumber(o.cell("Desired"), 1) == 0 ? Health.NEUTRAL
                    : Deployments.replicaHealth(Cells.leadingNumber(o.cell("Ready"), 0), Cells.leadingNumber(o.cell("Desired"), 1)))
            .detail("Selector", o -> Cells.selector(o.map("spec.selector.matchLabels")))
            .owns("Pod")
            .can(Capability.SCALABLE, Capability.LOGGABLE)
            .learning("replicaset")
            .build();

    private ReplicaSets() {
    }
}

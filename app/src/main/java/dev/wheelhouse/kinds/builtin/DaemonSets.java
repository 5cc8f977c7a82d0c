package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;

/** DaemonSets: one Pod per node; health from the printed Ready and Desired counts. */
public final class DaemonSets {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("apps", "v1", "daemonsets", "DaemonSet").namespaced()
            .category(Category.WORKLOADS)
            .health(o -> Deployments.replicaHealth(Cells.leadingNumber(o.cell("Ready"), 0), Cells.leadingNumber(o.cell("Desired"), 0)))
            .owns("Pod")
            .can(Capability.RESTARTABLE, Capability.LOGGABLE)
            .learning("daemonset")
            .build();

    private DaemonSets() {
    }
}

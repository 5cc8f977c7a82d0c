package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;

/** DaemonSets: one pod per node; columns of {@code kubectl get daemonsets}. */
public final class DaemonSets {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("apps", "v1", "daemonsets", "DaemonSet").namespaced()
            .category(Category.WORKLOADS)
            .numberColumn("Desired", o -> o.number("status.desiredNumberScheduled", 0))
            .numberColumn("Current", o -> o.number("status.currentNumberScheduled", 0))
            .numberColumn("Ready", o -> o.number("status.numberReady", 0))
            .numberColumn("Up-to-date", o -> o.number("status.updatedNumberScheduled", 0))
            .numberColumn("Available", o -> o.number("status.numberAvailable", 0))
            .column("Node selector", o -> Cells.orNone(Cells.selector(o.map("spec.template.spec.nodeSelector"))))
            .age()
            .health(o -> Deployments.replicaHealth(o.number("status.numberReady", 0), o.number("status.desiredNumberScheduled", 0)))
            .owns("Pod")
            .can(Capability.RESTARTABLE)
            .learning("daemonset")
            .build();

    private DaemonSets() {
    }
}

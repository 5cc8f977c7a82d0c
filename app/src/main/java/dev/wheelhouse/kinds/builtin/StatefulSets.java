package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;

/** StatefulSets: Pods with stable names and storage; health from the printed Ready ("1/2"). */
public final class StatefulSets {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("apps", "v1", "statefulsets", "StatefulSet").namespaced()
            .category(Category.WORKLOADS)
            .health(o -> Deployments.replicaHealth(Cells.leadingNumber(o.cell("Ready"), 0), Cells.afterSlash(o.cell("Ready"), 1)))
            .detail("Service name", o -> o.string("spec.serviceName"))
            .owns("Pod")
            .can(Capability.SCALABLE, Capability.RESTARTABLE, Capability.LOGGABLE)
            .learning("statefulset")
            .build();

    private StatefulSets() {
    }
}

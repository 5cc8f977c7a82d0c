package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;

/** ReplicaSets: Desired, Current, Ready, as {@code kubectl get replicasets}. */
public final class ReplicaSets {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("apps", "v1", "replicasets", "ReplicaSet").namespaced()
            .category(Category.WORKLOADS)
            .numberColumn("Desired", o -> o.number("spec.replicas", 1))
            .numberColumn("Current", o -> o.number("status.replicas", 0))
            .numberColumn("Ready", o -> o.number("status.readyReplicas", 0))
            .age()
            .health(o -> o.number("spec.replicas", 1) == 0 ? dev.wheelhouse.kinds.Health.NEUTRAL
                    : Deployments.replicaHealth(o.number("status.readyReplicas", 0), o.number("spec.replicas", 1)))
            .detail("Selector", o -> Cells.selector(o.map("spec.selector.matchLabels")))
            .owns("Pod")
            .can(Capability.SCALABLE)
            .learning("replicaset")
            .build();

    private ReplicaSets() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;

/** StatefulSets: Ready, as {@code kubectl get statefulsets}. */
public final class StatefulSets {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("apps", "v1", "statefulsets", "StatefulSet").namespaced()
            .category(Category.WORKLOADS)
            .column("Ready", o -> o.number("status.readyReplicas", 0) + "/" + o.number("spec.replicas", 1))
            .age()
            .health(o -> Deployments.replicaHealth(o.number("status.readyReplicas", 0), o.number("spec.replicas", 1)))
            .detail("Service name", o -> o.string("spec.serviceName"))
            .owns("Pod")
            .can(Capability.SCALABLE, Capability.RESTARTABLE)
            .learning("statefulset")
            .build();

    private StatefulSets() {
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.model.KubeObject;

/** Deployments: Ready, Up-to-date, Available, as {@code kubectl get deployments}. */
public final class Deployments {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("apps", "v1", "deployments", "Deployment").namespaced()
            .category(Category.WORKLOADS)
            .column("Ready", o -> o.number("status.readyReplicas", 0) + "/" + o.number("spec.replicas", 1))
            .numberColumn("Up-to-date", o -> o.number("status.updatedReplicas", 0))
            .numberColumn("Available", o -> o.number("status.availableReplicas", 0))
            .age()
            .health(Deployments::health)
            .detail("Selector", o -> Cells.selector(o.map("spec.selector.matchLabels")))
            .detail("Strategy", o -> o.string("spec.strategy.type"))
            .owns("ReplicaSet")
            .can(Capability.SCALABLE, Capability.RESTARTABLE)
            .learning("deployment")
            .build();

    private Deployments() {
    }

    /** Shared by the kinds that keep a number of replicas: all ready is good, some is progressing, none is bad. */
    static Health replicaHealth(long ready, long wanted) {
        if (ready >= wanted) {
            return Health.GOOD;
        }
        return ready > 0 ? Health.PROGRESSING : Health.BAD;
    }

    private static Health health(KubeObject o) {
        if ("False".equals(Cells.condition(o, "Available")) && o.number("spec.replicas", 1) > 0) {
            return Health.BAD;
        }
        return replicaHealth(o.number("status.availableReplicas", 0), o.number("spec.replicas", 1));
    }
}

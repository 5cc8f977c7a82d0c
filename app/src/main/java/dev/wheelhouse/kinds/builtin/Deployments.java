package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.model.KubeObject;

/** Deployments: replicas rolled out from a template; health from the printed Ready and Available cells. */
public final class Deployments {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("apps", "v1", "deployments", "Deployment").namespaced()
            .category(Category.WORKLOADS)
            .health(Deployments::health)
            .detail("Selector", o -> Cells.selector(o.map("spec.selector.matchLabels")))
            .detail("Strategy", o -> o.string("spec.strategy.type"))
            .owns("ReplicaSet")
            .can(Capability.SCALABLE, Capability.RESTARTABLE, Capability.LOGGABLE)
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

    /** Available replicas (its own cell) against wanted ones (after the slash of "Ready"). */
    static Health health(KubeObject o) {
        return replicaHealth(Cells.leadingNumber(o.cell("Available"), 0), Cells.afterSlash(o.cell("Ready"), 1));
    }
}

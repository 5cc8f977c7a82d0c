package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.model.KubeObject;

/** Nodes: the machines Pods run on; health from the Status kubectl prints ("Ready,SchedulingDisabled"). */
public final class Nodes {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "nodes", "Node")
            .category(Category.CLUSTER)
            .health(Nodes::health)
            .detail("OS", o -> o.string("status.nodeInfo.osImage") + " (" + o.string("status.nodeInfo.architecture") + ")")
            .detail("Container runtime", o -> o.string("status.nodeInfo.containerRuntimeVersion"))
            .detail("Pod CIDR", o -> o.string("spec.podCIDR"))
            .can(Capability.CORDONABLE)
            .learning("node")
            .build();

    private Nodes() {
    }

    /** Cordoned: said by a whole Node's spec, or by a table row's printed Status. */
    public static boolean cordoned(KubeObject node) {
        return "true".equals(node.string("spec.unschedulable")) || node.cell("Status").contains("SchedulingDisabled");
    }

    static Health health(KubeObject node) {
        String status = node.cell("Status");
        if (!status.startsWith("Ready")) {
            return Health.BAD;
        }
        return status.contains("SchedulingDisabled") ? Health.PROGRESSING : Health.GOOD;
    }
}

package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.model.KubeObject;
import java.util.TreeSet;

/** Nodes: the machines Pods run on, as {@code kubectl get nodes -o wide}. */
public final class Nodes {
    private static final String ROLE_PREFIX = "node-role.kubernetes.io/";

    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "nodes", "Node")
            .category(Category.CLUSTER)
            .column("Status", Nodes::status)
            .column("Roles", Nodes::roles)
            .age()
            .column("Version", o -> o.string("status.nodeInfo.kubeletVersion"))
            .column("Internal-IP", o -> Cells.maps(o.list("status.addresses")).stream()
                    .filter(a -> "InternalIP".equals(a.get("type"))).map(a -> Cells.text(a, "address")).findFirst().orElse("<none>"))
            .health(o -> status(o).startsWith("Ready") ? (status(o).contains("SchedulingDisabled") ? Health.PROGRESSING : Health.GOOD)
                    : Health.BAD)
            .detail("OS", o -> o.string("status.nodeInfo.osImage") + " (" + o.string("status.nodeInfo.architecture") + ")")
            .detail("Container runtime", o -> o.string("status.nodeInfo.containerRuntimeVersion"))
            .detail("Pod CIDR", o -> o.string("spec.podCIDR"))
            .can(Capability.CORDONABLE)
            .learning("node")
            .build();

    private Nodes() {
    }

    static String status(KubeObject node) {
        String ready = switch (Cells.condition(node, "Ready")) {
            case "True" -> "Ready";
            case "False" -> "NotReady";
            default -> "Unknown";
        };
        return "true".equals(node.string("spec.unschedulable")) ? ready + ",SchedulingDisabled" : ready;
    }

    static String roles(KubeObject node) {
        TreeSet<String> roles = new TreeSet<>();
        node.labels().forEach((key, value) -> {
            if (key.startsWith(ROLE_PREFIX) && key.length() > ROLE_PREFIX.length()) {
                roles.add(key.substring(ROLE_PREFIX.length()));
            } else if (key.equals("kubernetes.io/role") && !String.valueOf(value).isEmpty()) {
                roles.add(String.valueOf(value));
            }
        });
        return roles.isEmpty() ? "<none>" : String.join(",", roles);
    }
}

package dev.wheelhouse.kinds.builtin;

import static dev.wheelhouse.kinds.Cells.orNone;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.model.KubeObject;

/** Pods: health from the Status and Ready kubectl prints ("CrashLoopBackOff", "1/2"). */
public final class Pods {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "pods", "Pod").namespaced()
            .category(Category.WORKLOADS)
            .health(Pods::health)
            .detail("Node", o -> orNone(o.string("spec.nodeName")))
            .detail("Pod IP", o -> orNone(o.string("status.podIP")))
            .detail("QoS class", o -> o.string("status.qosClass"))
            .detail("Service account", o -> o.string("spec.serviceAccountName"))
            .can(Capability.LOGGABLE, Capability.PORT_FORWARDABLE)
            .learning("pod")
            .build();

    private Pods() {
    }

    static Health health(KubeObject pod) {
        String status = pod.cell("Status");
        return switch (status) {
            case "Running" -> {
                String ready = pod.cell("Ready");
                yield Cells.leadingNumber(ready, 0) == Cells.afterSlash(ready, -1) ? Health.GOOD : Health.PROGRESSING;
            }
            case "Completed", "Succeeded" -> Health.NEUTRAL;
            case "Pending", "ContainerCreating", "PodInitializing", "Terminating" -> Health.PROGRESSING;
            default -> status.startsWith("Init:") && !status.contains("Err") && !status.contains("BackOff")
                    ? Health.PROGRESSING : Health.BAD;
        };
    }
}

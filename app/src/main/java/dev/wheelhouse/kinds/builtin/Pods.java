package dev.wheelhouse.kinds.builtin;

import static dev.wheelhouse.kinds.Cells.maps;
import static dev.wheelhouse.kinds.Cells.orNone;
import static dev.wheelhouse.kinds.Cells.text;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.model.KubeObject;
import java.util.List;
import java.util.Map;

/** Pods: the columns and status words of {@code kubectl get pods -o wide}. */
public final class Pods {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "pods", "Pod").namespaced()
            .category(Category.WORKLOADS)
            .column("Ready", Pods::ready)
            .column("Status", Pods::status)
            .numberColumn("Restarts", Pods::restarts)
            .age()
            .column("IP", o -> orNone(o.string("status.podIP")))
            .column("Node", o -> orNone(o.string("spec.nodeName")))
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

    /** Ready containers out of all containers, as "1/2". */
    static String ready(KubeObject pod) {
        long ready = maps(pod.list("status.containerStatuses")).stream().filter(c -> Boolean.TRUE.equals(c.get("ready"))).count();
        return ready + "/" + pod.list("spec.containers").size();
    }

    static long restarts(KubeObject pod) {
        return maps(pod.list("status.containerStatuses")).stream()
                .mapToLong(c -> c.get("restartCount") instanceof Number n ? n.longValue() : 0).sum();
    }

    /** The STATUS word kubectl prints: a container's waiting or terminated reason, else the phase. */
    static String status(KubeObject pod) {
        String reason = pod.string("status.reason").isEmpty() ? pod.string("status.phase") : pod.string("status.reason");
        List<Map<String, Object>> inits = maps(pod.list("status.initContainerStatuses"));
        for (int i = 0; i < inits.size(); i++) {
            Map<String, Object> state = map(inits.get(i), "state");
            Map<String, Object> terminated = map(state, "terminated");
            if (!terminated.isEmpty() && "0".equals(text(terminated, "exitCode"))) {
                continue;
            }
            if (!terminated.isEmpty()) {
                return "Init:" + (text(terminated, "reason").isEmpty() ? "ExitCode:" + text(terminated, "exitCode") : text(terminated, "reason"));
            }
            String waiting = text(map(state, "waiting"), "reason");
            return !waiting.isEmpty() && !waiting.equals("PodInitializing") ? "Init:" + waiting : "Init:" + i + "/" + inits.size();
        }
        boolean running = false;
        List<Map<String, Object>> containers = maps(pod.list("status.containerStatuses"));
        for (int i = containers.size() - 1; i >= 0; i--) {
            Map<String, Object> state = map(containers.get(i), "state");
            Map<String, Object> terminated = map(state, "terminated");
            String waiting = text(map(state, "waiting"), "reason");
            if (!waiting.isEmpty()) {
                reason = waiting;
            } else if (!terminated.isEmpty()) {
                reason = !text(terminated, "reason").isEmpty() ? text(terminated, "reason")
                        : !text(terminated, "signal").isEmpty() ? "Signal:" + text(terminated, "signal")
                        : "ExitCode:" + text(terminated, "exitCode");
            } else if (state.containsKey("running") && Boolean.TRUE.equals(containers.get(i).get("ready"))) {
                running = true;
            }
        }
        if (reason.equals("Completed") && running) {
            reason = "Running";
        }
        if (!pod.string("metadata.deletionTimestamp").isEmpty()) {
            reason = "NodeLost".equals(pod.string("status.reason")) ? "Unknown" : "Terminating";
        }
        return reason;
    }

    static Health health(KubeObject pod) {
        String status = status(pod);
        return switch (status) {
            case "Running" -> {
                String[] ready = ready(pod).split("/");
                yield ready[0].equals(ready[1]) ? Health.GOOD : Health.PROGRESSING;
            }
            case "Completed", "Succeeded" -> Health.NEUTRAL;
            case "Pending", "ContainerCreating", "PodInitializing", "Terminating" -> Health.PROGRESSING;
            default -> status.startsWith("Init:") && !status.contains("Err") && !status.contains("BackOff")
                    ? Health.PROGRESSING : Health.BAD;
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}

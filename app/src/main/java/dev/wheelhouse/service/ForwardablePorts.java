package dev.wheelhouse.service;

import dev.wheelhouse.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The ports of an object that can be forwarded, each with the target a forward to it would have: every container
 * port of a Pod, every port of a Service, and the containers' ports of a workload's pod template.
 */
public final class ForwardablePorts {
    /** Workloads whose pods are found by their {@code spec.selector.matchLabels}. */
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "ReplicaSet", "DaemonSet");

    /** One port, as the details and the Forward… dialog show it ("web 8080/TCP (http)"). */
    public record Port(String label, ForwardTarget target) {
    }

    private ForwardablePorts() {
    }

    /** Whether objects of this kind can have forwardable ports. */
    public static boolean kindForwards(String kind) {
        return kind.equals("Pod") || kind.equals("Service") || WORKLOADS.contains(kind);
    }

    public static List<Port> of(KubeObject object) {
        String kind = object.kind();
        if (kind.equals("Service")) {
            return servicePorts(object);
        }
        if (kind.equals("Pod")) {
            return containerPorts(object.list("spec.containers"), port -> ForwardTarget.pod(object.namespace(), object.name(), port));
        }
        if (WORKLOADS.contains(kind)) {
            Map<String, String> selector = new LinkedHashMap<>();
            object.map("spec.selector.matchLabels").forEach((key, value) -> selector.put(key, Objects.toString(value)));
            if (selector.isEmpty()) {
                return List.of();
            }
            return containerPorts(object.list("spec.template.spec.containers"),
                    port -> ForwardTarget.workload(kind, object.namespace(), object.name(), port, selector));
        }
        return List.of();
    }

    private static List<Port> servicePorts(KubeObject service) {
        List<Port> ports = new ArrayList<>();
        for (Object entry : service.list("spec.ports")) {
            if (entry instanceof Map<?, ?> port && port.get("port") instanceof Number number) {
                String name = Objects.toString(port.get("name"), "");
                Object targetPort = port.get("targetPort");
                String to = targetPort == null ? "" : " → " + KubeObject.text(targetPort);
                ports.add(new Port((name.isEmpty() ? "" : name + " ") + number.intValue() + to + "/" + protocol(port),
                        ForwardTarget.service(service.namespace(), service.name(), number.intValue())));
            }
        }
        return ports;
    }

    private static List<Port> containerPorts(List<Object> containers, java.util.function.IntFunction<ForwardTarget> target) {
        List<Port> ports = new ArrayList<>();
        for (Object c : containers) {
            if (!(c instanceof Map<?, ?> container)) {
                continue;
            }
            if (!(container.get("ports") instanceof List<?> list)) {
                continue;
            }
            for (Object entry : list) {
                if (entry instanceof Map<?, ?> port && port.get("containerPort") instanceof Number number
                        && "TCP".equals(protocol(port))) {
                    String name = Objects.toString(port.get("name"), "");
                    ports.add(new Port(container.get("name") + " " + number.intValue() + "/TCP" + (name.isEmpty() ? "" : " (" + name + ")"),
                            target.apply(number.intValue())));
                }
            }
        }
        return ports;
    }

    private static String protocol(Map<?, ?> port) {
        return Objects.toString(port.get("protocol"), "TCP");
    }
}

package dev.wheelhouse.service;

import dev.wheelhouse.model.KubeObject;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which Pod a forward connects to: plain logic over the objects its watches hold, so it is tested without a
 * cluster. A Service is resolved as kubectl does: its ready endpoints (from its EndpointSlices) and its
 * {@code targetPort}, which a named port turns into the container port the endpoints controller found.
 */
final class ForwardPods {
    private ForwardPods() {
    }

    /** The ready Pods behind {@code service}'s port {@code servicePort}, with the port each listens on, by Pod name. */
    static List<PodPort> behindService(KubeObject service, int servicePort, Collection<KubeObject> slices) {
        Optional<Map<String, Object>> port = service.list("spec.ports").stream()
                .filter(Map.class::isInstance).map(ForwardPods::asMap)
                .filter(p -> number(p.get("port")) == servicePort).findFirst();
        if (port.isEmpty()) {
            return List.of();
        }
        String portName = Objects.toString(port.get().getOrDefault("name", ""), "");
        Object targetPort = port.get().getOrDefault("targetPort", servicePort);
        int numbered = targetPort instanceof String ? -1 : number(targetPort);
        TreeSet<PodPort> ready = new TreeSet<>(Comparator.comparing(PodPort::pod));
        for (KubeObject slice : slices) {
            // A slice lists the ports its endpoints share, named as the Service names them; a named targetPort
            // is resolved there, per group of Pods whose containers agree on its number.
            int sliced = slice.list("ports").stream().filter(Map.class::isInstance).map(ForwardPods::asMap)
                    .filter(p -> portName.equals(Objects.toString(p.getOrDefault("name", ""), "")))
                    .mapToInt(p -> number(p.get("port"))).findFirst().orElse(numbered);
            if (sliced <= 0) {
                continue;
            }
            for (Object endpoint : slice.list("endpoints")) {
                if (endpoint instanceof Map<?, ?> e && readyEndpoint(asMap(e)) && podRef(asMap(e)) != null) {
                    ready.add(new PodPort(podRef(asMap(e)), sliced));
                }
            }
        }
        return List.copyOf(ready);
    }

    /**
     * Why a forward to {@code service}'s port can reach no pod however long it waits (kubectl refuses these):
     * an ExternalName, a port it does not have, or no selector with hand-made endpoints that name no pod.
     * Empty when waiting makes sense (a selector that matches no ready pod yet).
     */
    static Optional<String> serviceProblem(KubeObject service, int servicePort, Collection<KubeObject> slices) {
        String name = "Service " + service.name();
        if (service.string("spec.type").equals("ExternalName")) {
            return Optional.of(name + " is an ExternalName (" + service.string("spec.externalName")
                    + "): it has no pods to forward to; forward to the real server instead.");
        }
        List<Object> ports = service.list("spec.ports");
        boolean hasPort = ports.stream().filter(Map.class::isInstance).map(ForwardPods::asMap)
                .anyMatch(p -> number(p.get("port")) == servicePort);
        if (!hasPort) {
            return Optional.of(name + " has no port " + servicePort + " (its ports: " + String.join(", ", ports.stream()
                    .filter(Map.class::isInstance).map(p -> Objects.toString(asMap(p).get("port"))).toList()) + ").");
        }
        if (service.map("spec.selector").isEmpty() && behindService(service, servicePort, slices).isEmpty()) {
            return Optional.of(name + " has no selector and its endpoints, managed by hand, name no pod: there is no pod to forward to.");
        }
        return Optional.empty();
    }

    /** The Pods among {@code pods} that are ready and not being deleted, by name, each with {@code port}. */
    static List<PodPort> readyPods(Collection<KubeObject> pods, int port) {
        return pods.stream().filter(ForwardPods::isReady).map(KubeObject::name).sorted()
                .map(name -> new PodPort(name, port)).toList();
    }

    /** Running, its Ready condition true, and not on its way out. */
    static boolean isReady(KubeObject pod) {
        if (!pod.string("metadata.deletionTimestamp").isEmpty() || !"Running".equals(pod.string("status.phase"))) {
            return false;
        }
        return pod.list("status.conditions").stream().filter(Map.class::isInstance).map(ForwardPods::asMap)
                .anyMatch(c -> "Ready".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    /** Labels that differ between revisions or between the Pods of one owner. */
    private static final Set<String> PER_POD_LABELS = Set.of("pod-template-hash", "controller-revision-hash",
            "statefulset.kubernetes.io/pod-name", "apps.kubernetes.io/pod-index");

    /** A forward to the Pods {@code pod}'s owner runs, by its labels, when it has an owner and labels to go by. */
    static Optional<ForwardTarget> siblingsOf(KubeObject pod, int port) {
        Optional<Map<String, Object>> owner = pod.list("metadata.ownerReferences").stream().filter(Map.class::isInstance)
                .map(ForwardPods::asMap).filter(o -> o.get("kind") != null && o.get("name") != null).findFirst();
        Map<String, String> selector = new java.util.TreeMap<>();
        pod.labels().forEach((key, value) -> {
            if (!PER_POD_LABELS.contains(key)) {
                selector.put(key, Objects.toString(value));
            }
        });
        if (owner.isEmpty() || selector.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ForwardTarget.workload(owner.get().get("kind").toString(), pod.namespace(),
                owner.get().get("name").toString(), port, selector));
    }

    /** Stays with the current Pod while it is a candidate (open connections keep their Pod); else the first one. */
    static Optional<PodPort> choose(PodPort current, List<PodPort> candidates) {
        if (current != null && candidates.contains(current)) {
            return Optional.of(current);
        }
        return candidates.stream().findFirst();
    }

    private static boolean readyEndpoint(Map<String, Object> endpoint) {
        // A missing ready condition means ready (the API's rule); terminating endpoints say false.
        Object conditions = endpoint.get("conditions");
        return !(conditions instanceof Map<?, ?> c) || !Boolean.FALSE.equals(c.get("ready"));
    }

    private static String podRef(Map<String, Object> endpoint) {
        if (endpoint.get("targetRef") instanceof Map<?, ?> ref && "Pod".equals(ref.get("kind")) && ref.get("name") != null) {
            return ref.get("name").toString();
        }
        return null;
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return value == null ? -1 : Integer.parseInt(value.toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object map) {
        return (Map<String, Object>) map;
    }
}

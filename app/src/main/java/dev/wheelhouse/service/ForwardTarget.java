package dev.wheelhouse.service;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a forward reaches: a Pod (pinned to it), a Service (a ready Pod behind it, as kubectl picks one), or a
 * workload such as a Deployment (one of its ready Pods, found by its label selector).
 *
 * @param kind     "Pod", "Service", or the workload's kind ("Deployment", "StatefulSet"…)
 * @param port     the Pod's container port, or the Service's port (not its targetPort)
 * @param selector a workload's matchLabels; empty for Pods and Services
 */
public record ForwardTarget(String kind, String namespace, String name, int port, Map<String, String> selector) {

    public ForwardTarget {
        selector = Map.copyOf(selector);
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("Not a port: " + port);
        }
    }

    public static ForwardTarget pod(String namespace, String name, int port) {
        return new ForwardTarget("Pod", namespace, name, port, Map.of());
    }

    public static ForwardTarget service(String namespace, String name, int port) {
        return new ForwardTarget("Service", namespace, name, port, Map.of());
    }

    public static ForwardTarget workload(String kind, String namespace, String name, int port, Map<String, String> selector) {
        if (selector.isEmpty()) {
            throw new IllegalArgumentException(kind + " " + name + " has no label selector to find its pods by");
        }
        return new ForwardTarget(kind, namespace, name, port, selector);
    }

    /** A forward to one Pod stays with it; the others move to another ready Pod. */
    public boolean pinned() {
        return kind.equals("Pod");
    }

    /** The workload's selector as the server reads it ({@code app=web,tier=front}). */
    public String labelSelector() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(selector).forEach((key, value) -> text.append(text.isEmpty() ? "" : ",").append(key).append('=').append(value));
        return text.toString();
    }

    @Override
    public String toString() {
        return kind + " " + namespace + "/" + name + ":" + port;
    }
}

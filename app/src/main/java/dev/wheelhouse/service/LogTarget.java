package dev.wheelhouse.service;

import dev.wheelhouse.model.ListSelector;

/**
 * Whose logs to show: one pod, a workload's pods (a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, or a
 * Service's selected pods), or the pods a typed label selector picks, in one namespace.
 *
 * @param kind     "Pod", a workload's kind, or null for a typed selector
 * @param name     the pod's or workload's name; null for a typed selector
 * @param selector the label selector of a typed target; empty otherwise
 */
public record LogTarget(String namespace, String kind, String name, String selector) {
    public static final String POD = "Pod";

    public static LogTarget pod(String namespace, String name) {
        return new LogTarget(namespace, POD, name, "");
    }

    public static LogTarget of(String namespace, String kind, String name) {
        return new LogTarget(namespace, kind, name, "");
    }

    public static LogTarget selector(String namespace, String labelSelector) {
        return new LogTarget(namespace, null, null, labelSelector == null ? "" : labelSelector.strip());
    }

    public boolean isPod() {
        return POD.equals(kind);
    }

    public boolean isSelector() {
        return kind == null;
    }

    ListSelector podSelector() {
        return isPod() ? ListSelector.fields("metadata.name=" + name) : ListSelector.labels(selector);
    }

    /** As kubectl would name it: {@code pod/web-1}, {@code deployment/web}, {@code -l app=web}. */
    public String describe() {
        return isSelector() ? "-l " + selector : kind.toLowerCase(java.util.Locale.ROOT) + "/" + name;
    }
}

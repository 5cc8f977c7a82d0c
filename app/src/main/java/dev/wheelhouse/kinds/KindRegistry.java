package dev.wheelhouse.kinds;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.kinds.builtin.CronJobs;
import dev.wheelhouse.kinds.builtin.DaemonSets;
import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.EndpointSlices;
import dev.wheelhouse.kinds.builtin.Events;
import dev.wheelhouse.kinds.builtin.HorizontalPodAutoscalers;
import dev.wheelhouse.kinds.builtin.Ingresses;
import dev.wheelhouse.kinds.builtin.Jobs;
import dev.wheelhouse.kinds.builtin.Namespaces;
import dev.wheelhouse.kinds.builtin.NetworkPolicies;
import dev.wheelhouse.kinds.builtin.Nodes;
import dev.wheelhouse.kinds.builtin.PersistentVolumeClaims;
import dev.wheelhouse.kinds.builtin.PersistentVolumes;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.kinds.builtin.ReplicaSets;
import dev.wheelhouse.kinds.builtin.RoleBindings;
import dev.wheelhouse.kinds.builtin.Roles;
import dev.wheelhouse.kinds.builtin.Secrets;
import dev.wheelhouse.kinds.builtin.ServiceAccounts;
import dev.wheelhouse.kinds.builtin.Services;
import dev.wheelhouse.kinds.builtin.StatefulSets;
import dev.wheelhouse.kinds.builtin.StorageClasses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one list of kinds Wheelhouse knows by heart, in navigator order. Adding a kind is one
 * descriptor class in {@code kinds.builtin}, one line here, and one object of it in the sandbox.
 * Custom resources get plain descriptors from {@link CustomKinds}. The server prints every table.
 */
public final class KindRegistry {
    public static final KindDescriptor NAMESPACE = Namespaces.DESCRIPTOR;
    public static final KindDescriptor EVENT = Events.DESCRIPTOR;

    private static final List<KindDescriptor> BUILT_IN = List.of(
            Deployments.DESCRIPTOR, StatefulSets.DESCRIPTOR, DaemonSets.DESCRIPTOR, ReplicaSets.DESCRIPTOR,
            Jobs.DESCRIPTOR, CronJobs.DESCRIPTOR, Pods.DESCRIPTOR,
            Services.DESCRIPTOR, Ingresses.DESCRIPTOR, EndpointSlices.DESCRIPTOR, NetworkPolicies.DESCRIPTOR,
            ConfigMaps.DESCRIPTOR, Secrets.DESCRIPTOR, HorizontalPodAutoscalers.DESCRIPTOR,
            PersistentVolumeClaims.DESCRIPTOR, PersistentVolumes.DESCRIPTOR, StorageClasses.DESCRIPTOR,
            ServiceAccounts.DESCRIPTOR, Roles.DESCRIPTOR, RoleBindings.DESCRIPTOR,
            Nodes.DESCRIPTOR, Namespaces.DESCRIPTOR, Events.DESCRIPTOR);

    private final Map<String, KindDescriptor> byKind = new LinkedHashMap<>();

    public KindRegistry() {
        for (KindDescriptor descriptor : BUILT_IN) {
            byKind.put(key(descriptor.type().group(), descriptor.kind()), descriptor);
        }
    }

    public List<KindDescriptor> builtIn() {
        return BUILT_IN;
    }

    public List<KindDescriptor> inCategory(Category category) {
        return BUILT_IN.stream().filter(d -> d.category() == category).toList();
    }

    public Optional<KindDescriptor> find(String group, String kind) {
        return Optional.ofNullable(byKind.get(key(group, kind)));
    }

    /** A kind by its name alone, for owner references (which carry apiVersion too, but kinds rarely clash). */
    public Optional<KindDescriptor> findByKind(String kind) {
        return BUILT_IN.stream().filter(d -> d.kind().equals(kind)).findFirst();
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }
}

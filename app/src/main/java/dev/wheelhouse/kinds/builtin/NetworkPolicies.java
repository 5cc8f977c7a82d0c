package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** NetworkPolicies: which traffic reaches which Pods. */
public final class NetworkPolicies {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy")
            .namespaced()
            .category(Category.NETWORK)
            .detail("Policy types", o -> String.join(", ", o.list("spec.policyTypes").stream().map(String::valueOf).toList()))
            .learning("networkpolicy")
            .build();

    private NetworkPolicies() {
    }
}

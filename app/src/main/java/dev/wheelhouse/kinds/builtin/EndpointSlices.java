package dev.wheelhouse.kinds.builtin;

import static dev.wheelhouse.kinds.Cells.text;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;

/** EndpointSlices: the Pod addresses behind a Service. */
public final class EndpointSlices {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice")
            .namespaced()
            .category(Category.NETWORK)
            .detail("Service", o -> text(o.labels(), "kubernetes.io/service-name"))
            .learning("endpointslice")
            .build();

    private EndpointSlices() {
    }
}

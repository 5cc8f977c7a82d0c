package dev.wheelhouse.kinds.builtin;

import static dev.wheelhouse.kinds.Cells.maps;
import static dev.wheelhouse.kinds.Cells.text;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** EndpointSlices: the Pod addresses behind a Service, as {@code kubectl get endpointslices}. */
public final class EndpointSlices {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("discovery.k8s.io", "v1", "endpointslices", "EndpointSlice")
            .namespaced()
            .category(Category.NETWORK)
            .column("AddressType", o -> o.string("addressType"))
            .column("Ports", o -> {
                String ports = maps(o.list("ports")).stream().map(p -> text(p, "port")).collect(Collectors.joining(","));
                return ports.isEmpty() ? "<unset>" : ports;
            })
            .column("Endpoints", EndpointSlices::endpoints)
            .age()
            .detail("Service", o -> text(o.labels(), "kubernetes.io/service-name"))
            .learning("endpointslice")
            .build();

    private EndpointSlices() {
    }

    /** Up to three addresses, then "+ N more...", as kubectl shortens them. */
    static String endpoints(KubeObject slice) {
        List<String> addresses = maps(slice.list("endpoints")).stream()
                .flatMap(e -> e.get("addresses") instanceof List<?> l ? l.stream().map(String::valueOf) : Stream.empty())
                .toList();
        if (addresses.isEmpty()) {
            return "<unset>";
        }
        String shown = String.join(",", addresses.subList(0, Math.min(3, addresses.size())));
        return addresses.size() > 3 ? shown + " + " + (addresses.size() - 3) + " more..." : shown;
    }
}

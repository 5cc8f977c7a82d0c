package dev.wheelhouse.kinds.builtin;

import static dev.wheelhouse.kinds.Cells.maps;
import static dev.wheelhouse.kinds.Cells.text;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import java.util.stream.Collectors;

/** Ingresses: Class, Hosts, Address, Ports, as {@code kubectl get ingresses}. */
public final class Ingresses {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("networking.k8s.io", "v1", "ingresses", "Ingress").namespaced()
            .category(Category.NETWORK)
            .column("Class", o -> Cells.orNone(o.string("spec.ingressClassName")))
            .column("Hosts", Ingresses::hosts)
            .column("Address", o -> maps(o.list("status.loadBalancer.ingress")).stream()
                    .map(i -> text(i, "ip").isEmpty() ? text(i, "hostname") : text(i, "ip")).collect(Collectors.joining(",")))
            .column("Ports", o -> o.list("spec.tls").isEmpty() ? "80" : "80, 443")
            .age()
            .learning("ingress")
            .build();

    private Ingresses() {
    }

    static String hosts(KubeObject ingress) {
        String hosts = maps(ingress.list("spec.rules")).stream().map(r -> text(r, "host"))
                .map(h -> h.isEmpty() ? "*" : h).collect(Collectors.joining(","));
        return hosts.isEmpty() ? "*" : hosts;
    }
}

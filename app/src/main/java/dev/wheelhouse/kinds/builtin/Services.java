package dev.wheelhouse.kinds.builtin;

import static dev.wheelhouse.kinds.Cells.maps;
import static dev.wheelhouse.kinds.Cells.text;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Services: Type, Cluster-IP, External-IP, Port(s), as {@code kubectl get services}. */
public final class Services {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "services", "Service").namespaced()
            .category(Category.NETWORK)
            .column("Type", o -> o.string("spec.type"))
            .column("Cluster-IP", o -> Cells.orNone(o.string("spec.clusterIP")))
            .column("External-IP", Services::externalIp)
            .column("Port(s)", Services::ports)
            .age()
            .detail("Selector", o -> Cells.orNone(Cells.selector(o.map("spec.selector"))))
            .learning("service")
            .build();

    private Services() {
    }

    static String ports(KubeObject service) {
        String ports = maps(service.list("spec.ports")).stream()
                .map(p -> text(p, "port") + (text(p, "nodePort").isEmpty() ? "" : ":" + text(p, "nodePort"))
                        + "/" + (text(p, "protocol").isEmpty() ? "TCP" : text(p, "protocol")))
                .collect(Collectors.joining(","));
        return Cells.orNone(ports);
    }

    static String externalIp(KubeObject service) {
        String type = service.string("spec.type");
        if (type.equals("ExternalName")) {
            return service.string("spec.externalName");
        }
        String ingress = maps(service.list("status.loadBalancer.ingress")).stream()
                .map(i -> text(i, "ip").isEmpty() ? text(i, "hostname") : text(i, "ip")).collect(Collectors.joining(","));
        String external = service.list("spec.externalIPs").stream().map(String::valueOf).collect(Collectors.joining(","));
        String all = String.join(",", Stream.of(ingress, external).filter(s -> !s.isEmpty()).toList());
        if (all.isEmpty() && type.equals("LoadBalancer")) {
            return "<pending>";
        }
        return Cells.orNone(all);
    }
}

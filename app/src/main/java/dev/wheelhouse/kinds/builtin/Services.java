package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Cells;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;

/** Services: stable addresses for a set of Pods. */
public final class Services {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("", "v1", "services", "Service").namespaced()
            .category(Category.NETWORK)
            .detail("Selector", o -> Cells.orNone(Cells.selector(o.map("spec.selector"))))
            .can(Capability.LOGGABLE)
            .learning("service")
            .build();

    private Services() {
    }
}

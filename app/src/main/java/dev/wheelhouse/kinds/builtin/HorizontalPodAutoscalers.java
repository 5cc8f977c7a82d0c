package dev.wheelhouse.kinds.builtin;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;

/** HorizontalPodAutoscalers: replicas that follow metrics; health from the printed Targets. */
public final class HorizontalPodAutoscalers {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("autoscaling", "v2", "horizontalpodautoscalers",
                    "HorizontalPodAutoscaler").namespaced()
            .category(Category.CONFIG)
            // Until the metrics are reported (or while they cannot be), the server prints <unknown> as the current value.
            .health(o -> o.cell("Targets").contains("<unknown>") ? Health.PROGRESSING : Health.GOOD)
            .learning("horizontalpodautoscaler")
            .build();

    private HorizontalPodAutoscalers() {
    }
}

package dev.wheelhouse.kinds.builtin;

import static dev.wheelhouse.kinds.Cells.maps;
import static dev.wheelhouse.kinds.Cells.text;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** HorizontalPodAutoscalers: target, metrics and bounds, as {@code kubectl get hpa}. */
public final class HorizontalPodAutoscalers {
    public static final KindDescriptor DESCRIPTOR = KindDescriptor.builder("autoscaling", "v2", "horizontalpodautoscalers",
                    "HorizontalPodAutoscaler").namespaced()
            .category(Category.CONFIG)
            .column("Reference", o -> o.string("spec.scaleTargetRef.kind") + "/" + o.string("spec.scaleTargetRef.name"))
            .column("Targets", HorizontalPodAutoscalers::targets)
            .numberColumn("MinPods", o -> o.number("spec.minReplicas", 1))
            .numberColumn("MaxPods", o -> o.number("spec.maxReplicas", 0))
            .numberColumn("Replicas", o -> o.number("status.currentReplicas", 0))
            .age()
            .health(o -> "False".equals(dev.wheelhouse.kinds.Cells.condition(o, "ScalingActive")) ? Health.PROGRESSING : Health.GOOD)
            .learning("horizontalpodautoscaler")
            .build();

    private HorizontalPodAutoscalers() {
    }

    /** Resource metrics as "cpu: 40%/70%", with {@code <unknown>} until a current value is reported. */
    static String targets(KubeObject hpa) {
        List<Map<String, Object>> metrics = maps(hpa.list("spec.metrics"));
        List<Map<String, Object>> current = maps(hpa.list("status.currentMetrics"));
        String text = metrics.stream().filter(m -> "Resource".equals(m.get("type"))).map(m -> {
            Map<String, Object> resource = sub(m, "resource");
            String name = text(resource, "name");
            Map<String, Object> target = sub(resource, "target");
            String wanted = text(target, "averageUtilization").isEmpty() ? text(target, "averageValue") : text(target, "averageUtilization") + "%";
            String now = current.stream().map(c -> sub(c, "resource")).filter(r -> name.equals(r.get("name")))
                    .map(r -> sub(r, "current")).map(c -> text(c, "averageUtilization").isEmpty() ? text(c, "averageValue")
                            : text(c, "averageUtilization") + "%")
                    .findFirst().orElse("<unknown>");
            return name + ": " + now + "/" + wanted;
        }).collect(Collectors.joining(", "));
        return text.isEmpty() ? "<none>" : text;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sub(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}

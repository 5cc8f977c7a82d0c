package dev.wheelhouse.service;

import dev.wheelhouse.model.KubeObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pods a workload runs, as a label selector string (kubectl's {@code -l} syntax) read from the object. */
final class LogSelectors {
    private LogSelectors() {
    }

    /**
     * A Service's {@code spec.selector} map, or a workload's {@code spec.selector} with matchLabels and
     * matchExpressions; "" when the object selects nothing (a Service without selector).
     */
    static String of(KubeObject object) {
        List<String> terms = new ArrayList<>();
        if ("Service".equals(object.kind())) {
            object.map("spec.selector").forEach((key, value) -> terms.add(key + "=" + value));
            return String.join(",", terms);
        }
        object.map("spec.selector.matchLabels").forEach((key, value) -> terms.add(key + "=" + value));
        for (Object item : object.list("spec.selector.matchExpressions")) {
            if (item instanceof Map<?, ?> expression) {
                terms.add(expression(expression));
            }
        }
        return String.join(",", terms);
    }

    private static String expression(Map<?, ?> expression) {
        String key = String.valueOf(expression.get("key"));
        List<String> values = new ArrayList<>();
        if (expression.get("values") instanceof List<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        }
        return switch (String.valueOf(expression.get("operator"))) {
            case "In" -> key + " in (" + String.join(",", values) + ")";
            case "NotIn" -> key + " notin (" + String.join(",", values) + ")";
            case "DoesNotExist" -> "!" + key;
            default -> key;
        };
    }
}

package dev.wheelhouse.kinds;

import dev.wheelhouse.model.KubeObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reading objects and printed cells, and writing values the way kubectl writes them. */
public final class Cells {
    private Cells() {
    }

    /** kubectl writes {@code <none>} where a value is missing. */
    public static String orNone(String value) {
        return value == null || value.isEmpty() ? "<none>" : value;
    }

    /** A label map as a selector: {@code app=web,tier=front}. */
    public static String selector(Map<String, Object> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The maps in a list field, skipping anything else. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(List<Object> items) {
        return items.stream().filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).toList();
    }

    /** A field of a map entry as text ("" when missing), for lists of containers, ports, conditions. */
    public static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Map || value instanceof List ? "" : KubeObject.text(value);
    }

    /** The status of the condition of this type ("True", "False", "Unknown"), or "". */
    public static String condition(KubeObject object, String type) {
        return maps(object.list("status.conditions")).stream().filter(c -> type.equals(c.get("type")))
                .map(c -> text(c, "status")).findFirst().orElse("");
    }

    /**
     * The whole number a printed cell starts with: 2 in "2", "2/3" or "2 (5m ago)"; the fallback if it starts
     * with none.
     */
    public static long leadingNumber(String cell, long fallback) {
        int end = 0;
        while (end < cell.length() && Character.isDigit(cell.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 18) {
            return fallback;
        }
        return Long.parseLong(cell.substring(0, end));
    }

    /** The number after the slash of a "ready/wanted" cell such as "1/2"; the fallback if there is none. */
    public static long afterSlash(String cell, long fallback) {
        int slash = cell.indexOf('/');
        return slash < 0 ? fallback : leadingNumber(cell.substring(slash + 1), fallback);
    }

    /**
     * The replicas a scalable object wants: a whole object's {@code spec.replicas}, or what a table row printed
     * (Desired, or after the slash of Ready: "1/3"); 1 if neither says.
     */
    public static long wantedReplicas(KubeObject object) {
        if (object.path("spec.replicas").isPresent()) {
            return object.number("spec.replicas", 1);
        }
        return object.cell("Desired").isEmpty() ? afterSlash(object.cell("Ready"), 1) : leadingNumber(object.cell("Desired"), 1);
    }

    /** kubectl's short age (its HumanDuration): 45s, 5m30s, 12m, 5h10m, 20h, 3d4h, 30d, 2y10d. */
    public static String age(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        if (seconds < 120) {
            return seconds + "s";
        }
        if (minutes < 10) {
            return seconds % 60 == 0 ? minutes + "m" : minutes + "m" + seconds % 60 + "s";
        }
        if (minutes < 3 * 60) {
            return minutes + "m";
        }
        if (hours < 8) {
            return minutes % 60 == 0 ? hours + "h" : hours + "h" + minutes % 60 + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            return hours % 24 == 0 ? days + "d" : days + "d" + hours % 24 + "h";
        }
        if (days < 365 * 2) {
            return days + "d";
        }
        if (days < 365 * 8) {
            return days % 365 == 0 ? days / 365 + "y" : days / 365 + "y" + days % 365 + "d";
        }
        return days / 365 + "y";
    }
}

package dev.wheelhouse.kinds;

import dev.wheelhouse.model.KubeObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Cell texts shared by several kinds, written the way kubectl writes them. */
public final class Cells {
    public static final Column AGE = Column.numeric("Age",
            o -> o.creationTimestamp().map(t -> age(Duration.between(t, Instant.now()))).orElse(""),
            o -> -o.creationTimestamp().map(Instant::toEpochMilli).orElse(0L));

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

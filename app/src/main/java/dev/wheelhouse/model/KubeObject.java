package dev.wheelhouse.model;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes object as the API server sent it, held as plain maps and lists.
 * Every kind uses this one shape, so tables, details and diffs work the same for
 * built-in kinds and custom resources alike.
 */
public final class KubeObject {
    private final Map<String, Object> fields;
    /** Parsed once: tables sort by age often, and parsing dominates such a sort. */
    private Optional<Instant> created;

    public KubeObject(Map<String, Object> fields) {
        this.fields = Objects.requireNonNull(fields);
    }

    public String kind() {
        return string("kind");
    }

    public String apiVersion() {
        return string("apiVersion");
    }

    public String name() {
        return string("metadata.name");
    }

    /** Empty for cluster-scoped objects. */
    public String namespace() {
        return string("metadata.namespace");
    }

    public String uid() {
        return string("metadata.uid");
    }

    public Optional<Instant> creationTimestamp() {
        if (created == null) {
            created = parseCreationTimestamp();
        }
        return created;
    }

    private Optional<Instant> parseCreationTimestamp() {
        String text = string("metadata.creationTimestamp");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Map<String, Object> labels() {
        return map("metadata.labels");
    }

    public Map<String, Object> annotations() {
        return map("metadata.annotations");
    }

    /** The value at a dotted path such as {@code status.phase}, if every step exists. */
    public Optional<Object> path(String dottedPath) {
        Object current = fields;
        for (String key : dottedPath.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The text at a path; numbers and booleans are shown as text, anything missing as "". */
    public String string(String dottedPath) {
        return path(dottedPath)
                .filter(v -> !(v instanceof Map) && !(v instanceof List))
                .map(KubeObject::plain)
                .orElse("");
    }

    public long number(String dottedPath, long fallback) {
        return path(dottedPath).filter(Number.class::isInstance).map(n -> ((Number) n).longValue()).orElse(fallback);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String dottedPath) {
        return path(dottedPath).filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String dottedPath) {
        return path(dottedPath).filter(List.class::isInstance).map(l -> (List<Object>) l).orElse(List.of());
    }

    /** JSON numbers arrive as doubles; a whole number is shown without ".0". */
    private static String plain(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(value);
    }

    @Override
    public String toString() {
        return kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }
}

package dev.wheelhouse.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Kubernetes object as the API server sent it, held as plain maps and lists.
 * Every kind uses this one shape, so tables, details and diffs work the same for
 * built-in kinds and custom resources alike. A table row is one too: only the object's metadata
 * (kind, apiVersion, metadata), with the cells the server printed for it.
 */
public final class KubeObject {
    private static final String STAND_IN_UID_PREFIX = "quick:";
    private final Map<String, Object> fields;
    private final PrintedCells cells;
    /** Parsed once: tables sort by age often, and parsing dominates such a sort. */
    private Optional<Instant> created;
    /**
     * Looked up once: tables, the coalescer and the stand-in bookkeeping ask for them of 100k rows with every
     * batch, and each lookup walks two maps. Unsynchronized on purpose: a racing thread computes the same string.
     */
    private String uid;
    private String name;
    private String namespace;

    public KubeObject(Map<String, Object> fields) {
        this(fields, PrintedCells.NONE);
    }

    /** A table row: the object's metadata and the cells the server printed for it. */
    public KubeObject(Map<String, Object> fields, PrintedCells cells) {
        this.fields = Objects.requireNonNull(fields);
        this.cells = Objects.requireNonNull(cells);
    }

    /** The object's fields as the server sent them (not to be changed). */
    public Map<String, Object> fields() {
        return fields;
    }

    /** The cells the server printed for this object; none for an object that was fetched whole. */
    public PrintedCells cells() {
        return cells;
    }

    /**
     * True for a stand-in row of a long list: the server's cells, a name and a namespace, shown before the
     * object's metadata arrives and replaced by its real row then; its uid is made up ({@link #standInUid}).
     */
    public boolean isStandIn() {
        return uid().startsWith(STAND_IN_UID_PREFIX);
    }

    /** The made-up uid of the stand-in row of an object. */
    public static String standInUid(String namespace, String name) {
        return STAND_IN_UID_PREFIX + namespace + "/" + name;
    }

    /** True for a table row: only metadata and printed cells, not the whole object. */
    public boolean isTableRow() {
        return !cells.columns().isEmpty();
    }

    /** The printed cell under a column such as "Status" or "Ready"; "" when there is none. */
    public String cell(String columnName) {
        return cells.get(columnName);
    }

    public String kind() {
        return string("kind");
    }

    public String apiVersion() {
        return string("apiVersion");
    }

    public String name() {
        String known = name;
        if (known == null) {
            known = metadataText("name");
            name = known;
        }
        return known;
    }

    /** Empty for cluster-scoped objects. */
    public String namespace() {
        String known = namespace;
        if (known == null) {
            known = metadataText("namespace");
            namespace = known;
        }
        return known;
    }

    public String uid() {
        String known = uid;
        if (known == null) {
            known = metadataText("uid");
            uid = known;
        }
        return known;
    }

    /**
     * What {@code string("metadata." + key)} gives, without parsing a path: tables look up uids, names and
     * namespaces of 100k rows on the FX thread with every batch.
     */
    private String metadataText(String key) {
        if (fields.get("metadata") instanceof Map<?, ?> metadata) {
            Object value = metadata.get(key);
            if (!(value instanceof Map) && !(value instanceof List)) {
                return text(value);
            }
        }
        return "";
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
            return Optional.of(Timestamps.parse(text, text.length()));
        } catch (DateTimeException e) {
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
                .map(KubeObject::text)
                .orElse("");
    }

    /** A whole number at a path, whichever Number type holds it; the fallback if missing, not a number or beyond long. */
    public long number(String dottedPath, long fallback) {
        return path(dottedPath).filter(Number.class::isInstance).map(n -> wholeNumber((Number) n, fallback)).orElse(fallback);
    }

    private static long wholeNumber(Number number, long fallback) {
        if (number instanceof BigInteger big) {
            return big.bitLength() < Long.SIZE ? big.longValue() : fallback;
        }
        if (number instanceof BigDecimal || number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) && d >= Long.MIN_VALUE && d <= Long.MAX_VALUE ? (long) d : fallback;
        }
        return number.longValue();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String dottedPath) {
        return path(dottedPath).filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String dottedPath) {
        return path(dottedPath).filter(List.class::isInstance).map(l -> (List<Object>) l).orElse(List.of());
    }

    /**
     * A scalar field as text, the same for every Number type: integers as digits, a decimal whose value is
     * whole without ".0" (as kubectl prints JSON numbers), big decimals without an exponent; null as "".
     */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : value.toString();
        }
        if (value instanceof BigDecimal big) {
            return big.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return kind() + " " + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }
}

package dev.wheelhouse.service;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The user's settings: one immutable snapshot of flat, dotted keys ({@code window.width},
 * {@code theme}) to plain values (strings, numbers, booleans, lists and maps of those), as
 * the settings file holds them. Features read with a fallback and write by taking a changed copy.
 */
public final class Settings {
    public static final Settings EMPTY = new Settings(Map.of());

    private final Map<String, Object> values;

    Settings(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    public String string(String key, String fallback) {
        return values.get(key) instanceof String s ? s : fallback;
    }

    public double number(String key, double fallback) {
        return values.get(key) instanceof Number n ? n.doubleValue() : fallback;
    }

    public boolean flag(String key, boolean fallback) {
        return values.get(key) instanceof Boolean b ? b : fallback;
    }

    /** A list setting (open contexts, favourite forwards); empty when absent or not a list. */
    public List<?> list(String key) {
        return values.get(key) instanceof List<?> l ? l : List.of();
    }

    /** A copy with {@code key} set; {@code null} removes it. */
    public Settings with(String key, Object value) {
        Map<String, Object> changed = new TreeMap<>(values);
        if (value == null) {
            changed.remove(key);
        } else {
            changed.put(key, value);
        }
        return new Settings(changed);
    }

    Map<String, Object> values() {
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Settings s && s.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}

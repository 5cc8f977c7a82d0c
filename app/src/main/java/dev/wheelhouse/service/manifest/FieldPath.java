package dev.wheelhouse.service.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * A field's path inside one document, as segments: map keys (String) and list indexes (Integer).
 * Written the way the API server names fields in its errors: {@code spec.template.spec.containers[0].image};
 * a key that contains dots is written in brackets: {@code metadata.labels[app.kubernetes.io/name]}.
 */
public record FieldPath(List<Object> segments) {

    public static final FieldPath ROOT = new FieldPath(List.of());

    public FieldPath {
        segments = List.copyOf(segments);
    }

    /** Parses {@code a.b[0].c} or {@code .a.b} (leading dot as in some server messages); never throws. */
    public static FieldPath parse(String text) {
        List<Object> segments = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                flush(key, segments);
                i++;
            } else if (c == '[') {
                flush(key, segments);
                int close = text.indexOf(']', i);
                String inside = close < 0 ? text.substring(i + 1) : text.substring(i + 1, close);
                segments.add(inside.matches("\\d+") ? (Object) Integer.valueOf(inside) : inside);
                i = close < 0 ? text.length() : close + 1;
            } else {
                key.append(c);
                i++;
            }
        }
        flush(key, segments);
        return new FieldPath(segments);
    }

    private static void flush(StringBuilder key, List<Object> segments) {
        if (!key.isEmpty()) {
            segments.add(key.toString());
            key.setLength(0);
        }
    }

    public FieldPath child(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new FieldPath(longer);
    }

    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last key (or index) of the path, "" for the root. */
    public String last() {
        return segments.isEmpty() ? "" : String.valueOf(segments.get(segments.size() - 1));
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (Object segment : segments) {
            if (segment instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else if (((String) segment).contains(".")) {
                out.append('[').append(segment).append(']');
            } else {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(segment);
            }
        }
        return out.toString();
    }
}

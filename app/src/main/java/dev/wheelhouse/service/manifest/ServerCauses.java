package dev.wheelhouse.service.manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in the YAML the API server's complaints point. Fields come as the server writes them:
 * {@code spec.replicas} (validation causes), {@code .spec.replicas} and
 * {@code .spec.template.spec.containers[name="web"].image} (server-side apply), or only inside the message:
 * {@code unknown field "spec.foo"} (strict decoding), {@code .spec.foo: field not declared in schema}.
 * A field the document does not contain points at its nearest written parent.
 */
public final class ServerCauses {
    private static final Pattern UNKNOWN_FIELD = Pattern.compile("unknown field \"([^\"]+)\"");
    private static final Pattern DOTTED_FIELD = Pattern.compile("(?<![\\w/])(\\.[^\\s:,]+): ");
    private static final Pattern SELECTOR = Pattern.compile("([^=]+)=\"?([^\"]*)\"?");
    private static final Pattern MANAGER = Pattern.compile("conflict with \"([^\"]+)\"");

    /** A cause as the server lists it: the field (may be empty) and what is wrong with it. */
    public record Cause(String field, String message) {
    }

    private ServerCauses() {
    }

    /** One problem per field named by a cause or by the message; the document's start when none is named. */
    public static List<ManifestProblem> locate(ManifestDocument document, String message, List<Cause> causes) {
        List<ManifestProblem> problems = new ArrayList<>();
        for (Cause cause : causes) {
            if (!cause.field().isBlank()) {
                problems.add(at(document, cause.field(), cause.message().isBlank() ? message : cause.message()));
            } else {
                problems.addAll(fromMessage(document, cause.message()));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(fromMessage(document, message));
        }
        if (problems.isEmpty()) {
            Position start = document.start();
            problems.add(new ManifestProblem(start.line(), start.column(), "", message, ManifestProblem.Source.SERVER));
        }
        return problems;
    }

    /** The field manager a conflict cause names ({@code conflict with "other" using apps/v1}), or "". */
    public static String manager(String causeMessage) {
        Matcher matcher = MANAGER.matcher(causeMessage);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static List<ManifestProblem> fromMessage(ManifestDocument document, String message) {
        Set<String> fields = new LinkedHashSet<>();
        Matcher unknown = UNKNOWN_FIELD.matcher(message);
        while (unknown.find()) {
            fields.add(unknown.group(1));
        }
        Matcher dotted = DOTTED_FIELD.matcher(message);
        while (dotted.find()) {
            fields.add(dotted.group(1));
        }
        List<ManifestProblem> problems = new ArrayList<>();
        for (String field : fields) {
            problems.add(at(document, field, message));
        }
        return problems;
    }

    /** The problem at the written position of {@code serverField}, or of its nearest written parent. */
    public static ManifestProblem at(ManifestDocument document, String serverField, String message) {
        FieldPath path = resolve(document.value(), serverField);
        Position position = document.positionOf(path).orElse(document.start());
        String field = serverField.startsWith(".") ? serverField.substring(1) : serverField;
        return new ManifestProblem(position.line(), position.column(), field, message, ManifestProblem.Source.SERVER);
    }

    /** The longest prefix of the server's path that exists in {@code value}, with list selectors turned into indexes. */
    static FieldPath resolve(Object value, String serverField) {
        FieldPath path = FieldPath.ROOT;
        Object current = value;
        for (String segment : segments(serverField)) {
            Optional<Object[]> step = step(current, segment);
            if (step.isEmpty()) {
                break;
            }
            path = path.child(step.get()[0]);
            current = step.get()[1];
        }
        return path;
    }

    /** The key or index to take from {@code current}, and the value found there. */
    @SuppressWarnings("unchecked")
    private static Optional<Object[]> step(Object current, String segment) {
        if (current instanceof Map<?, ?> map && !segment.startsWith("[")) {
            return map.containsKey(segment) ? Optional.of(new Object[] {segment, map.get(segment)}) : Optional.empty();
        }
        if (!segment.startsWith("[")) {
            return Optional.empty();
        }
        String inside = segment.substring(1, segment.length() - 1);
        if (current instanceof Map<?, ?> map) {
            return map.containsKey(inside) ? Optional.of(new Object[] {inside, map.get(inside)}) : Optional.empty();
        }
        if (!(current instanceof List<?> list)) {
            return Optional.empty();
        }
        if (inside.matches("\\d+")) {
            int index = Integer.parseInt(inside);
            return index < list.size() ? Optional.of(new Object[] {index, list.get(index)}) : Optional.empty();
        }
        Matcher selector = SELECTOR.matcher(inside);
        if (selector.matches()) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof Map<?, ?> item
                        && String.valueOf(((Map<String, Object>) item).get(selector.group(1))).equals(selector.group(2))) {
                    return Optional.of(new Object[] {i, list.get(i)});
                }
            }
        }
        return Optional.empty();
    }

    /** {@code .a.b[0].c[name="x"]} → {@code a}, {@code b}, {@code [0]}, {@code c}, {@code [name="x"]}. */
    private static List<String> segments(String field) {
        List<String> out = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        int i = 0;
        while (i < field.length()) {
            char c = field.charAt(i);
            if (c == '.') {
                flush(key, out);
                i++;
            } else if (c == '[') {
                flush(key, out);
                int close = field.indexOf(']', i);
                close = close < 0 ? field.length() - 1 : close;
                out.add("[" + field.substring(i + 1, close) + "]");
                i = close + 1;
            } else {
                key.append(c);
                i++;
            }
        }
        flush(key, out);
        return out;
    }

    private static void flush(StringBuilder key, List<String> out) {
        if (!key.isEmpty()) {
            out.add(key.toString());
            key.setLength(0);
        }
    }
}

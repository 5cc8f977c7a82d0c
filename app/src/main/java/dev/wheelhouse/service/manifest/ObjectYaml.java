package dev.wheelhouse.service.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Objects as YAML text the way {@code kubectl get -o yaml} prints them (keys sorted, block style, lists
 * under their key without indent, multi-line strings as literal blocks, whole numbers as integers),
 * and the server-owned parts an editor hides or must not send back.
 */
public final class ObjectYaml {
    /** Fields the server sets; sent back in an apply they change nothing or get in the way. */
    private static final List<String> SERVER_METADATA = List.of("managedFields", "uid", "creationTimestamp", "resourceVersion",
            "generation", "selfLink");

    private ObjectYaml() {
    }

    public static String print(Map<String, Object> object) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        return new Yaml(new LiteralBlocks(options), options).dump(sorted(object));
    }

    /** A deep copy without {@code metadata.managedFields} (kubectl's default since 1.21). */
    public static Map<String, Object> withoutManagedFields(Map<String, Object> object) {
        Map<String, Object> copy = deepCopy(object);
        metadata(copy).remove("managedFields");
        return copy;
    }

    /** {@code metadata.managedFields}, or an empty list. */
    @SuppressWarnings("unchecked")
    public static List<Object> managedFields(Map<String, Object> object) {
        Object value = object.get("metadata") instanceof Map<?, ?> m ? m.get("managedFields") : null;
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /**
     * What an apply sends of an edited object: no {@code status} (the API server ignores it on the main
     * resource, and it is shown read-only), none of the server's own metadata.
     */
    public static Map<String, Object> forApply(Map<String, Object> object) {
        Map<String, Object> copy = deepCopy(object);
        copy.remove("status");
        Map<String, Object> metadata = metadata(copy);
        SERVER_METADATA.forEach(metadata::remove);
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return object.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, copyValue(value)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(item -> copy.add(copyValue(item)));
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new TreeMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(sorted(item)));
            return out;
        }
        return value;
    }

    /** Multi-line strings as {@code |} blocks, as kubectl prints a ConfigMap's files; control characters escaped in quotes. */
    private static final class LiteralBlocks extends Representer {
        LiteralBlocks(DumperOptions options) {
            super(options);
            Represent plain = representers.get(String.class);
            representers.put(String.class, data -> {
                String text = (String) data;
                if (text.contains("\n") && !text.contains("\r") && text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t')
                        && !text.contains(" \n") && !text.startsWith(" ")) {
                    return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL);
                }
                if (!StreamReader.isPrintable(text)) {
                    // SnakeYAML would write it as !!binary, which reads back as bytes, not text; kubectl escapes it in quotes.
                    return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.DOUBLE_QUOTED);
                }
                return plain.representData(data);
            });
        }
    }
}

package dev.wheelhouse.service.schema;

import dev.wheelhouse.service.manifest.FieldDoc;
import java.util.List;
import java.util.Optional;

/** {@code kubectl explain} for one field path of a kind: follows the path through the kind's schema. */
final class FieldExplanation {
    private FieldExplanation() {
    }

    /**
     * The field a path leads to. Keys inside a map ({@code metadata.labels.app}) or a free-form object explain the
     * map or object itself; a key the schema does not know explains nothing.
     */
    static Optional<FieldDoc> explain(SchemaNode root, String kind, String apiVersion, List<String> path) {
        SchemaNode node = root;
        SchemaNode parent = null;
        String field = null;
        StringBuilder written = new StringBuilder();
        for (String segment : path) {
            if (segment.equals(TextContext.ITEM)) {
                if (node.items() == null) {
                    break;
                }
                node = node.items();
                written.append(TextContext.ITEM);
                continue;
            }
            SchemaNode child = node.property(segment);
            if (child == null) {
                if (node.mapValues() != null || node.allowsUnknownFields()) {
                    break;
                }
                return Optional.empty();
            }
            parent = node;
            field = segment;
            node = child;
            if (!written.isEmpty()) {
                written.append('.');
            }
            written.append(segment);
        }
        // An item of a list is explained as the list: containers[0] is spec.containers.
        String fieldPath = written.toString();
        while (fieldPath.endsWith(TextContext.ITEM)) {
            fieldPath = fieldPath.substring(0, fieldPath.length() - TextContext.ITEM.length());
        }
        if (field == null) {
            return Optional.of(new FieldDoc(kind, kind + " (" + apiVersion + ")", kind, root.description(), false,
                    List.of(), root.propertyNames()));
        }
        SchemaNode named = parent.property(field);
        SchemaNode element = elementOf(named);
        List<String> enumValues = !named.enumValues().isEmpty() ? named.enumValues() : element.enumValues();
        return Optional.of(new FieldDoc(fieldPath, kind + " (" + apiVersion + ")", named.typeName(), named.description(),
                parent.required().contains(field), enumValues, element.propertyNames()));
    }

    /** What a field holds, past lists and maps: {@code []Container} → Container, {@code map[string]Quantity} → Quantity. */
    private static SchemaNode elementOf(SchemaNode field) {
        SchemaNode element = field;
        for (int depth = 0; depth < 4; depth++) {
            if (element.items() != null) {
                element = element.items();
            } else if (element.propertyNames().isEmpty() && element.mapValues() != null) {
                element = element.mapValues();
            } else {
                break;
            }
        }
        return element;
    }

    /** The schema a path of keys and {@code "[]"} leads to, or null where the schema says nothing. */
    static SchemaNode follow(SchemaNode root, List<String> path) {
        SchemaNode node = root;
        for (String segment : path) {
            if (node == null) {
                return null;
            }
            if (segment.equals(TextContext.ITEM)) {
                node = node.items();
            } else {
                SchemaNode child = node.property(segment);
                node = child != null ? child : node.mapValues();
            }
        }
        return node;
    }
}

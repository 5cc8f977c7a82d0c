package dev.wheelhouse.service.schema;

import dev.wheelhouse.service.manifest.FieldPath;
import dev.wheelhouse.service.manifest.ManifestDocument;
import dev.wheelhouse.service.manifest.ManifestProblem;
import dev.wheelhouse.service.manifest.Position;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks one manifest document against its kind's schema the way the API server's strict field validation
 * and decoding would refuse it: unknown fields, values of the wrong type, required fields left out.
 */
final class SchemaCheck {
    /** Enough to fix a page of mistakes; a wrong kind pasted into a huge file should not produce thousands. */
    static final int MAX_PROBLEMS_PER_DOCUMENT = 200;

    private final OpenApiDocuments documents;
    private final ManifestDocument document;
    private final List<ManifestProblem> problems = new ArrayList<>();

    private SchemaCheck(OpenApiDocuments documents, ManifestDocument document) {
        this.documents = documents;
        this.document = document;
    }

    static List<ManifestProblem> check(OpenApiDocuments documents, ManifestDocument document) {
        SchemaCheck check = new SchemaCheck(documents, document);
        check.run();
        return check.problems;
    }

    private void run() {
        Object value = document.value();
        if (value == null) {
            return; // an empty document, as kubectl skips it
        }
        if (!(value instanceof Map<?, ?>)) {
            problem(FieldPath.ROOT, "a manifest document is a mapping with apiVersion, kind and metadata, not " + describe(value));
            return;
        }
        checkObject(document.map(), FieldPath.ROOT);
    }

    /** One object with apiVersion and kind: the document itself, or an item of a {@code kind: List}. */
    private void checkObject(Map<String, Object> object, FieldPath path) {
        String apiVersion = object.get("apiVersion") instanceof String s ? s : "";
        String kind = object.get("kind") instanceof String s ? s : "";
        FieldPath kindPath = path.child("kind");
        if (kind.isEmpty()) {
            problem(object.containsKey("kind") ? kindPath : path, "missing kind: every object names its kind, e.g. kind: Deployment");
            return;
        }
        if (apiVersion.isEmpty()) {
            problem(kindPath, "missing apiVersion for kind " + kind + hintFor(kind));
            return;
        }
        if ("v1".equals(apiVersion) && "List".equals(kind) && object.get("items") instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Map<?, ?> item) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> typed = (Map<String, Object>) item;
                    checkObject(typed, path.child("items").child(i));
                }
            }
            return;
        }
        if (documents.isUnavailable(apiVersion)) {
            return; // the server lists it but its schema could not be read: nothing to check against
        }
        if (!documents.servesApiVersion(apiVersion)) {
            problem(kindPath, "unknown apiVersion " + apiVersion + ": the cluster does not serve it" + hintFor(kind));
            return;
        }
        Optional<SchemaNode> schema = documents.kind(apiVersion, kind);
        if (schema.isEmpty()) {
            List<String> elsewhere = documents.apiVersionsOf(kind);
            String hint = !elsewhere.isEmpty() ? hintFor(kind)
                    : Suggestions.closest(kind, documents.kinds(apiVersion)).map(k -> " (did you mean " + k + "?)").orElse("");
            problem(kindPath, "unknown kind " + kind + " in " + apiVersion + hint);
            return;
        }
        walk(object, schema.get(), path);
    }

    private String hintFor(String kind) {
        List<String> apiVersions = documents.apiVersionsOf(kind);
        return apiVersions.isEmpty() ? "" : "; the cluster serves " + kind + " as apiVersion " + String.join(" or ", apiVersions);
    }

    private void walk(Object value, SchemaNode schema, FieldPath path) {
        if (problems.size() >= MAX_PROBLEMS_PER_DOCUMENT || value == null) {
            return;
        }
        if (!schema.accepts(value)) {
            problem(path, name(path) + " must be " + expected(schema) + ", not " + describe(value));
            return;
        }
        if (value instanceof String text && !text.isEmpty() && !schema.enumValues().isEmpty() && !schema.enumValues().contains(text)) {
            problem(path, name(path) + " must be one of " + String.join(", ", schema.enumValues()) + ", not \"" + text + "\"");
        } else if (value instanceof String text && "byte".equals(schema.format()) && !isBase64(text)) {
            problem(path, name(path) + " must be base64-encoded (use stringData for plain text)");
        } else if (value instanceof Map<?, ?> map) {
            walkFields(map, schema, path);
        } else if (value instanceof List<?> list && schema.items() != null) {
            SchemaNode items = schema.items();
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), items, path.child(i));
            }
        }
    }

    private void walkFields(Map<?, ?> map, SchemaNode schema, FieldPath path) {
        SchemaNode mapValues = schema.mapValues();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            SchemaNode field = schema.property(key);
            if (field != null) {
                walk(entry.getValue(), field, path.child(key));
            } else if (mapValues != null) {
                walk(entry.getValue(), mapValues, path.child(key));
            } else if (!schema.allowsUnknownFields()) {
                String hint = key.startsWith("-") && key.length() > 1
                        ? " (a list item needs a space after its dash: \"- " + key.substring(1) + "\")"
                        : Suggestions.closest(key, schema.propertyNames()).map(k -> " (did you mean " + k + "?)").orElse("");
                problem(path.child(key), "unknown field " + name(path.child(key)) + hint);
            }
        }
        for (String required : schema.required()) {
            if (!map.containsKey(required)) {
                problem(path, "missing required field " + name(path.child(required)));
            }
        }
    }

    private static String name(FieldPath path) {
        return path.isRoot() ? "the object" : "\"" + path + "\"";
    }

    private static String expected(SchemaNode schema) {
        return switch (schema.valueType()) {
            case OBJECT -> schema.mapValues() != null && schema.propertyNames().isEmpty() ? "a map (" + schema.typeName() + ")" : "an object (" + schema.typeName() + ")";
            case ARRAY -> "a list (" + schema.typeName() + ")";
            case STRING -> "a string (quote it: \"…\")";
            case INTEGER -> "an integer";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean (true or false)";
            case INT_OR_STRING -> "an integer or a string";
            case STRING_OR_NUMBER -> "a quantity (a number or a string such as 500m or 1Gi)";
            case ANY -> "anything";
        };
    }

    static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof String text) {
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (value instanceof Boolean b) {
            return "the boolean " + b;
        }
        if (value instanceof Number n) {
            return "the number " + n;
        }
        return String.valueOf(value);
    }

    private static boolean isBase64(String text) {
        try {
            // Go's decoder, which the API server uses for []byte fields, skips line breaks and nothing else.
            Base64.getDecoder().decode(text.replace("\r", "").replace("\n", ""));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** At the field's key (or list item); where the path leads nowhere in the text (a merge key), at its nearest written parent. */
    private void problem(FieldPath path, String message) {
        Position position = null;
        List<Object> segments = new ArrayList<>(path.segments());
        while (position == null) {
            Optional<Position> found = document.positionOf(new FieldPath(segments));
            if (found.isPresent()) {
                position = found.get();
            } else if (segments.isEmpty()) {
                position = document.start();
            } else {
                segments.remove(segments.size() - 1);
            }
        }
        problems.add(new ManifestProblem(position.line(), position.column(), path.toString(), message, ManifestProblem.Source.SCHEMA));
    }
}

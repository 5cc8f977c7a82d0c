package dev.wheelhouse.service.schema;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One schema of an OpenAPI v3 document with its reference followed: {@code $ref}, or the
 * {@code allOf: [{$ref}]} the API server writes where a field adds its own description to a shared type.
 * Read-only over the parsed document, so safe to share between threads.
 */
final class SchemaNode {
    private static final String REF_PREFIX = "#/components/schemas/";
    private static final int MAX_REF_DEPTH = 16;

    /** What a value must be, as far as YAML can tell. */
    enum ValueType { ANY, OBJECT, ARRAY, STRING, INTEGER, NUMBER, BOOLEAN, INT_OR_STRING, STRING_OR_NUMBER }

    private final JsonObject schemas;
    private final JsonObject definition;
    private final String refName;
    private final String description;

    private SchemaNode(JsonObject schemas, JsonObject definition, String refName, String description) {
        this.schemas = schemas;
        this.definition = definition;
        this.refName = refName;
        this.description = description;
    }

    /** The named schema of a document ({@code io.k8s.api.apps.v1.Deployment}), or null. */
    static SchemaNode named(JsonObject schemas, String name) {
        JsonElement definition = schemas.get(name);
        return definition != null && definition.isJsonObject() ? resolve(schemas, definition.getAsJsonObject()) : null;
    }

    static SchemaNode resolve(JsonObject schemas, JsonObject raw) {
        String ownDescription = text(raw, "description");
        JsonObject definition = raw;
        String refName = null;
        for (int depth = 0; depth < MAX_REF_DEPTH; depth++) {
            String ref = reference(definition);
            if (ref == null || !ref.startsWith(REF_PREFIX) || !(schemas.get(ref.substring(REF_PREFIX.length())) instanceof JsonObject target)) {
                break;
            }
            refName = ref.substring(REF_PREFIX.length());
            definition = target;
        }
        return new SchemaNode(schemas, definition, refName, ownDescription != null ? ownDescription : text(definition, "description"));
    }

    private static String reference(JsonObject schema) {
        if (schema.has("$ref")) {
            return text(schema, "$ref");
        }
        if (schema.get("allOf") instanceof JsonArray all && all.size() == 1 && all.get(0) instanceof JsonObject only && only.has("$ref")) {
            return text(only, "$ref");
        }
        return null;
    }

    String description() {
        return description == null ? "" : description;
    }

    ValueType valueType() {
        if (definition.has("x-kubernetes-int-or-string") || "int-or-string".equals(text(definition, "format"))) {
            return ValueType.INT_OR_STRING;
        }
        String type = text(definition, "type");
        if (type != null) {
            return switch (type) {
                case "object" -> ValueType.OBJECT;
                case "array" -> ValueType.ARRAY;
                case "string" -> ValueType.STRING;
                case "integer" -> ValueType.INTEGER;
                case "number" -> ValueType.NUMBER;
                case "boolean" -> ValueType.BOOLEAN;
                default -> ValueType.ANY;
            };
        }
        Set<String> alternatives = alternativeTypes();
        if (alternatives.equals(Set.of("integer", "string"))) {
            return ValueType.INT_OR_STRING;
        }
        if (alternatives.equals(Set.of("number", "string"))) {
            return ValueType.STRING_OR_NUMBER; // resource.Quantity: "500m" or 0.5
        }
        return definition.has("properties") ? ValueType.OBJECT : ValueType.ANY;
    }

    private Set<String> alternativeTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (String key : List.of("oneOf", "anyOf")) {
            if (definition.get(key) instanceof JsonArray options) {
                for (JsonElement option : options) {
                    if (option instanceof JsonObject o && text(o, "type") != null) {
                        types.add(text(o, "type"));
                    }
                }
            }
        }
        return types;
    }

    /** Whether a value read from YAML has the type this schema asks for; null (an unset field) always does. */
    boolean accepts(Object value) {
        if (value == null) {
            return true;
        }
        boolean integer = value instanceof Integer || value instanceof Long || value instanceof BigInteger;
        return switch (valueType()) {
            case ANY -> true;
            case OBJECT -> value instanceof Map<?, ?>;
            case ARRAY -> value instanceof List<?>;
            case STRING -> value instanceof String;
            case INTEGER -> integer;
            case NUMBER -> value instanceof Number;
            case BOOLEAN -> value instanceof Boolean;
            case INT_OR_STRING -> integer || value instanceof String;
            case STRING_OR_NUMBER -> value instanceof Number || value instanceof String;
        };
    }

    /** A field declared by this object schema, or null. */
    SchemaNode property(String name) {
        if (definition.get("properties") instanceof JsonObject properties && properties.get(name) instanceof JsonObject property) {
            return resolve(schemas, property);
        }
        return null;
    }

    List<String> propertyNames() {
        return definition.get("properties") instanceof JsonObject properties ? List.copyOf(properties.keySet()) : List.of();
    }

    /** The schema of a map's values ({@code additionalProperties}), or null when the object is not a map. */
    SchemaNode mapValues() {
        JsonElement values = definition.get("additionalProperties");
        if (values instanceof JsonObject schema) {
            return resolve(schemas, schema);
        }
        if (values != null && values.isJsonPrimitive() && values.getAsBoolean()) {
            return resolve(schemas, new JsonObject());
        }
        return null;
    }

    /** A list's item schema, or null. */
    SchemaNode items() {
        return definition.get("items") instanceof JsonObject items ? resolve(schemas, items) : null;
    }

    /**
     * Whether an object may hold fields its schema does not name: {@code x-kubernetes-preserve-unknown-fields},
     * or a free-form object (no fields and no map values declared, like {@code RawExtension}).
     */
    boolean allowsUnknownFields() {
        JsonElement preserve = definition.get("x-kubernetes-preserve-unknown-fields");
        if (preserve != null && preserve.isJsonPrimitive() && preserve.getAsBoolean()) {
            return true;
        }
        return !definition.has("properties") && !definition.has("additionalProperties");
    }

    List<String> required() {
        return strings(definition.get("required"));
    }

    List<String> enumValues() {
        return strings(definition.get("enum"));
    }

    String format() {
        String format = text(definition, "format");
        return format == null ? "" : format;
    }

    /** The type as {@code kubectl explain} writes it: {@code integer}, {@code []Container}, {@code map[string]string}, {@code Object}. */
    String typeName() {
        ValueType type = valueType();
        if (type == ValueType.ARRAY) {
            SchemaNode items = items();
            return "[]" + (items == null ? "Object" : items.typeName());
        }
        if (type == ValueType.OBJECT && !definition.has("properties") && mapValues() != null) {
            return "map[string]" + mapValues().typeName();
        }
        if (type == ValueType.STRING || type == ValueType.INTEGER || type == ValueType.NUMBER || type == ValueType.BOOLEAN) {
            return text(definition, "type");
        }
        if (refName != null) {
            return refName.substring(refName.lastIndexOf('.') + 1);
        }
        if (type == ValueType.INT_OR_STRING) {
            return "IntOrString";
        }
        return "Object";
    }

    private static List<String> strings(JsonElement element) {
        List<String> values = new ArrayList<>();
        if (element instanceof JsonArray array) {
            for (JsonElement value : array) {
                if (value.isJsonPrimitive()) {
                    values.add(value.getAsString());
                }
            }
        }
        return values;
    }

    private static String text(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value != null && value.isJsonPrimitive() ? value.getAsString() : null;
    }
}

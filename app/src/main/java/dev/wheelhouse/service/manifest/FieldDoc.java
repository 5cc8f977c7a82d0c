package dev.wheelhouse.service.manifest;

import java.util.List;

/**
 * What {@code kubectl explain} says about one field, from the cluster's OpenAPI v3 schema.
 *
 * @param path        the field's schema path, lists written as {@code []}:
 *                    {@code spec.template.spec.containers[].ports[].containerPort}
 * @param owner       the kind and version it belongs to, e.g. {@code Deployment (apps/v1)}
 * @param type        e.g. {@code integer}, {@code string}, {@code []Container}, {@code map[string]string}
 * @param fields      the names of its own fields when it is an object, else empty
 */
public record FieldDoc(String path, String owner, String type, String description, boolean required,
                       List<String> enumValues, List<String> fields) {

    public FieldDoc {
        enumValues = List.copyOf(enumValues);
        fields = List.copyOf(fields);
    }
}

package dev.wheelhouse.service.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * OpenAPI v3 documents saved from the sandbox (Kubernetes 1.36) as test resources, schemas only, gzipped: core v1,
 * apps/v1, and a CRD's group-version (kind Probe of schema-probe.wheelhouse.dev/v1, whose spec has a required
 * integer, an enum, an int-or-string, a free-form object and a string map).
 */
public final class SavedSchemas {
    private static final Map<String, String> RESOURCES = Map.of(
            "api/v1", "/openapi/api-v1.json.gz",
            "apis/apps/v1", "/openapi/apis-apps-v1.json.gz",
            "apis/schema-probe.wheelhouse.dev/v1", "/openapi/apis-schema-probe.wheelhouse.dev-v1.json.gz");
    private static ClusterSchema schema;

    private SavedSchemas() {
    }

    public static synchronized ClusterSchema schema() {
        if (schema == null) {
            Map<String, String> documents = new LinkedHashMap<>();
            RESOURCES.forEach((path, resource) -> documents.put(path, read(resource)));
            schema = SchemaService.fromDocuments(documents);
        }
        return schema;
    }

    private static String read(String resource) {
        try (InputStream in = new GZIPInputStream(SavedSchemas.class.getResourceAsStream(resource))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.wheelhouse.service.schema;

import dev.wheelhouse.service.manifest.FieldDoc;
import dev.wheelhouse.service.manifest.FieldPath;
import dev.wheelhouse.service.manifest.Manifest;
import dev.wheelhouse.service.manifest.ManifestDocument;
import dev.wheelhouse.service.manifest.ManifestProblem;
import dev.wheelhouse.service.manifest.ManifestSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cluster's schema for manifests, from its OpenAPI v3 documents: checks, field documentation like
 * {@code kubectl explain}, and completion. Immutable; safe from any thread.
 */
public final class ClusterSchema implements ManifestSchema {
    private final OpenApiDocuments documents;
    private final LoadReport report;

    ClusterSchema(OpenApiDocuments documents, LoadReport report) {
        this.documents = documents;
        this.report = report;
    }

    /** How this schema was loaded: how many documents, how many came from the server rather than the disk cache. */
    public LoadReport report() {
        return report;
    }

    @Override
    public List<ManifestProblem> check(Manifest manifest) {
        List<ManifestProblem> problems = new ArrayList<>();
        for (ManifestDocument document : manifest.documents()) {
            problems.addAll(SchemaCheck.check(documents, document));
        }
        return problems;
    }

    @Override
    public Optional<FieldDoc> explain(Manifest manifest, int line, int column) {
        String apiVersion;
        String kind;
        List<String> path = new ArrayList<>();
        Optional<ManifestDocument> document = manifest.documentAt(line);
        if (manifest.problems().isEmpty() && document.isPresent()) {
            apiVersion = document.get().apiVersion();
            kind = document.get().kind();
            for (Object segment : document.get().pathAt(line, column).segments()) {
                path.add(segment instanceof Integer ? TextContext.ITEM : (String) segment);
            }
        } else {
            // Text that does not parse yet (the user is typing): find the field from indentation.
            String[] lines = manifest.text().split("\n", -1);
            String current = line >= 1 && line <= lines.length ? lines[line - 1] : "";
            int keyEnd = current.indexOf(':');
            TextContext context = TextContext.at(manifest.text(), line, keyEnd >= 0 ? keyEnd + 2 : column);
            if (context == null) {
                return Optional.empty();
            }
            apiVersion = context.apiVersion();
            kind = context.kind();
            path.addAll(context.parent());
            if (context.inValue()) {
                path.add(context.key());
            }
        }
        return documents.kind(apiVersion, kind).flatMap(root -> FieldExplanation.explain(root, kind, apiVersion, path));
    }

    @Override
    public List<String> complete(String text, int line, int column) {
        TextContext context = TextContext.at(text, line, column);
        if (context == null) {
            return List.of();
        }
        List<String> candidates = context.inValue() ? values(context) : keys(context);
        String typed = context.partial().toLowerCase(Locale.ROOT);
        List<String> fresh = new ArrayList<>();
        List<String> again = new ArrayList<>();
        for (String candidate : candidates) {
            if (candidate.toLowerCase(Locale.ROOT).startsWith(typed) && !candidate.equals(context.partial())) {
                (context.written().contains(candidate) ? again : fresh).add(candidate);
            }
        }
        fresh.addAll(again);
        return fresh;
    }

    private List<String> keys(TextContext context) {
        Optional<SchemaNode> root = documents.kind(context.apiVersion(), context.kind());
        if (root.isEmpty()) {
            return context.parent().isEmpty() ? List.of("apiVersion", "kind", "metadata") : List.of();
        }
        SchemaNode node = FieldExplanation.follow(root.get(), context.parent());
        if (node == null) {
            return List.of();
        }
        if (node.valueType() == SchemaNode.ValueType.OBJECT || !node.propertyNames().isEmpty()) {
            return node.propertyNames();
        }
        // A list of plain values: a new item is a value, e.g. accessModes: [ReadWriteOnce].
        return scalarValues(node);
    }

    private List<String> values(TextContext context) {
        if (context.parent().isEmpty() && context.key().equals("apiVersion")) {
            return documents.apiVersions();
        }
        if (context.parent().isEmpty() && context.key().equals("kind")) {
            return documents.kinds(context.apiVersion());
        }
        List<String> path = new ArrayList<>(context.parent());
        path.add(context.key());
        return documents.kind(context.apiVersion(), context.kind())
                .map(root -> FieldExplanation.follow(root, path))
                .map(ClusterSchema::scalarValues)
                .orElse(List.of());
    }

    private static List<String> scalarValues(SchemaNode node) {
        if (!node.enumValues().isEmpty()) {
            return node.enumValues();
        }
        return node.valueType() == SchemaNode.ValueType.BOOLEAN ? List.of("true", "false") : List.of();
    }
}

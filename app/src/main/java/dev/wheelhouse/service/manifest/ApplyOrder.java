package dev.wheelhouse.service.manifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The order documents are applied in: Namespaces first (the rest may live in them), then
 * CustomResourceDefinitions (the rest may be their kinds), then everything else as written.
 */
public final class ApplyOrder {
    private ApplyOrder() {
    }

    /** The objects of the documents (a list's items in its place, see {@link ManifestDocument#objects()}), in that order. */
    public static List<ManifestDocument> of(List<ManifestDocument> documents) {
        List<ManifestDocument> ordered = new ArrayList<>();
        documents.forEach(document -> ordered.addAll(document.objects()));
        ordered.sort(Comparator.comparingInt(ApplyOrder::rank)); // stable: written order within a rank
        return ordered;
    }

    private static int rank(ManifestDocument document) {
        if (document.kind().equals("Namespace") && document.apiVersion().equals("v1")) {
            return 0;
        }
        if (isDefinition(document)) {
            return 1;
        }
        return 2;
    }

    public static boolean isDefinition(ManifestDocument document) {
        return document.kind().equals("CustomResourceDefinition") && document.apiVersion().startsWith("apiextensions.k8s.io/");
    }
}

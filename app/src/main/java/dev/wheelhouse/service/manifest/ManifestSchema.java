package dev.wheelhouse.service.manifest;

import java.util.List;
import java.util.Optional;

/**
 * One cluster's schema for manifests (built from its OpenAPI v3 documents, CRDs included): what the
 * editor asks while the user types. Implementations are immutable once loaded and safe to call from
 * any thread; loading them is the slow part and happens off the FX thread.
 */
public interface ManifestSchema {

    /** Unknown fields, wrong types, missing required fields, in every document, at their lines. */
    List<ManifestProblem> check(Manifest manifest);

    /** The field at a 1-based line and column, explained; empty where no field or kind is known. */
    Optional<FieldDoc> explain(Manifest manifest, int line, int column);

    /**
     * What may be typed at the caret: the field names valid in the mapping there (those not yet
     * written first), or the enum values of the field whose value is being typed.
     */
    List<String> complete(String text, int line, int column);
}

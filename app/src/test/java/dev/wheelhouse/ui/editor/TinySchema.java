package dev.wheelhouse.ui.editor;

import dev.wheelhouse.service.manifest.FieldDoc;
import dev.wheelhouse.service.manifest.Manifest;
import dev.wheelhouse.service.manifest.ManifestDocument;
import dev.wheelhouse.service.manifest.ManifestProblem;
import dev.wheelhouse.service.manifest.ManifestSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stand-in for the cluster's schema in tests and pictures: knows a Deployment's {@code spec.replicas}
 * and {@code spec.strategy.type}, and calls any other field under {@code spec} unknown.
 */
public final class TinySchema implements ManifestSchema {
    private static final List<String> SPEC_FIELDS = List.of("minReadySeconds", "paused", "progressDeadlineSeconds", "replicas",
            "revisionHistoryLimit", "selector", "strategy", "template");

    @Override
    public List<ManifestProblem> check(Manifest manifest) {
        List<ManifestProblem> problems = new ArrayList<>();
        for (ManifestDocument document : manifest.documents()) {
            if (document.kind().equals("Deployment") && document.map().get("spec") instanceof java.util.Map<?, ?> spec) {
                for (Object key : spec.keySet()) {
                    if (!SPEC_FIELDS.contains(String.valueOf(key))) {
                        var at = document.positionOf(dev.wheelhouse.service.manifest.FieldPath.parse("spec." + key)).orElseThrow();
                        problems.add(new ManifestProblem(at.line(), at.column(), "spec." + key,
                                "unknown field \"" + key + "\" in io.k8s.api.apps.v1.DeploymentSpec", ManifestProblem.Source.SCHEMA));
                    }
                }
            }
        }
        return problems;
    }

    @Override
    public Optional<FieldDoc> explain(Manifest manifest, int line, int column) {
        String path = manifest.documentAt(line).map(d -> d.pathAt(line, column).toString()).orElse("");
        return switch (path) {
            case "spec.replicas" -> Optional.of(new FieldDoc("spec.replicas", "Deployment (apps/v1)", "integer",
                    "Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.",
                    false, List.of(), List.of()));
            case "spec.strategy.type" -> Optional.of(new FieldDoc("spec.strategy.type", "Deployment (apps/v1)", "string",
                    "Type of deployment. Can be \"Recreate\" or \"RollingUpdate\". Default is RollingUpdate.",
                    false, List.of("Recreate", "RollingUpdate"), List.of()));
            default -> Optional.empty();
        };
    }

    @Override
    public List<String> complete(String text, int line, int column) {
        return SPEC_FIELDS;
    }
}

package dev.wheelhouse.kinds;

import dev.wheelhouse.model.KubeObject;
import java.util.Map;
import java.util.Optional;

/**
 * Custom resources, found from the cluster's CustomResourceDefinitions: a SeldonDeployment or a
 * Kubeflow resource appears as soon as its CRD is installed. Their tables come from the server.
 */
public final class CustomKinds {
    /** The CRDs themselves, watched to learn which custom kinds exist. */
    public static final KindDescriptor DEFINITIONS = KindDescriptor
            .builder("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition")
            .category(Category.CUSTOM).learning("customresourcedefinition").build();

    private CustomKinds() {
    }

    /** The kind a CRD defines, at its storage version (or first served one); empty if it serves none. */
    public static Optional<KindDescriptor> fromDefinition(KubeObject crd) {
        String version = Cells.maps(crd.list("spec.versions")).stream()
                .filter(v -> Boolean.TRUE.equals(v.get("served")))
                .sorted((a, b) -> Boolean.compare(Boolean.TRUE.equals(b.get("storage")), Boolean.TRUE.equals(a.get("storage"))))
                .map(v -> Cells.text(v, "name")).findFirst().orElse("");
        Map<String, Object> names = crd.map("spec.names");
        if (version.isEmpty() || names.get("kind") == null || names.get("plural") == null) {
            return Optional.empty();
        }
        KindDescriptor.Builder builder = KindDescriptor.builder(crd.string("spec.group"), version,
                String.valueOf(names.get("plural")), String.valueOf(names.get("kind"))).category(Category.CUSTOM);
        if ("Namespaced".equals(crd.string("spec.scope"))) {
            builder.namespaced();
        }
        return Optional.of(builder.build());
    }
}

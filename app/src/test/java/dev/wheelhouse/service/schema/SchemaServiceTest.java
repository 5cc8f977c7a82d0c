package dev.wheelhouse.service.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.manifest.Manifest;
import dev.wheelhouse.service.manifest.ManifestProblem;
import dev.wheelhouse.testing.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Tag;

/** The schema loaded from the sandbox's own /openapi/v3, a CRD of the test's making included, and kept on disk. */
@Tag("cluster")
class SchemaServiceTest {
    private static final String GROUP = "schema-test.wheelhouse.dev";
    private static final String GADGET = """
            apiVersion: schema-test.wheelhouse.dev/v1
            kind: Gadget
            metadata: {name: g, namespace: default}
            spec:
              size: 3
              colour: red
            """;

    @TempDir
    Path cache;

    @BeforeAll
    static void defineGadgets() throws Exception {
        Sandbox.apply("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: gadgets.%1$s}
                spec:
                  group: %1$s
                  scope: Namespaced
                  names: {plural: gadgets, singular: gadget, kind: Gadget}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema:
                      openAPIV3Schema:
                        type: object
                        properties:
                          spec:
                            type: object
                            required: [size]
                            properties:
                              size: {type: integer, description: How many parts the gadget has.}
                              colour: {type: string, enum: [red, green]}
                """.formatted(GROUP));
        Sandbox.kubectl("wait", "--for=condition=Established", "crd/gadgets." + GROUP, "--timeout=60s");
    }

    @AfterAll
    static void removeGadgets() {
        Sandbox.kubectlResult("delete", "crd", "gadgets." + GROUP, "--wait=false");
    }

    @Test
    void loadsTheClusterSchemaWithItsCrdsAndReusesTheDiskCache() throws Exception {
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            SchemaService service = new SchemaService(cache);
            LoadReport cold = service.load(session).report();
            assertThat(cold.documents()).isGreaterThan(20);
            assertThat(cold.fetched()).as("an empty cache: every document fetched").isEqualTo(cold.documents());
            assertThat(cold.unavailable()).isEmpty();
            // The API server publishes a new CRD's schema shortly after the CRD is established.
            AtomicReference<ClusterSchema> first = new AtomicReference<>();
            assertThat(Sandbox.eventually(Duration.ofSeconds(30), () -> {
                first.set(load(service, session));
                return first.get().check(Manifest.parse(GADGET)).isEmpty();
            })).as("the Gadget CRD's schema is served: %s", first.get().check(Manifest.parse(GADGET))).isTrue();
            Map<Path, FileTime> kept = cachedFiles();
            assertThat(kept).hasSize(first.get().report().documents());

            ClusterSchema second = service.load(session);
            assertThat(second.report().fetched()).as("documents fetched again").isZero();
            assertThat(second.report().documents()).isEqualTo(first.get().report().documents());
            assertThat(cachedFiles()).isEqualTo(kept);
            System.out.printf("schema load: cold %d ms (%d documents fetched), warm %d ms (from disk)%n",
                    cold.took().toMillis(), cold.fetched(), second.report().took().toMillis());

            List<ManifestProblem> problems = second.check(Manifest.parse(GADGET.replace("size: 3", "size: three")
                    + "  weight: 2\n"));
            assertThat(problems).extracting(ManifestProblem::line, ManifestProblem::field)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(5, "spec.size"),
                            org.assertj.core.groups.Tuple.tuple(7, "spec.weight"));
            assertThat(second.explain(Manifest.parse(GADGET), 5, 4)).hasValueSatisfying(doc -> {
                assertThat(doc.description()).isEqualTo("How many parts the gadget has.");
                assertThat(doc.owner()).isEqualTo("Gadget (schema-test.wheelhouse.dev/v1)");
            });
            assertThat(second.complete(GADGET.replace("  colour: red", "  colour: "), 6, 11)).containsExactly("red", "green");
        }
    }

    @Test
    void theClustersOwnObjectsPassItsSchema() throws Exception {
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            ClusterSchema schema = new SchemaService(cache).load(session);
            // What kubectl prints, status and managedFields included, is what the schema describes: no false alarms.
            String live = Sandbox.kubectl("get", "deployments,replicasets,pods,services,configmaps,secrets,serviceaccounts",
                    "-n", "dev", "-o", "yaml");
            Manifest manifest = Manifest.parse(live);
            assertThat(manifest.problems()).isEmpty();
            assertThat(schema.check(manifest)).isEmpty();
            assertThat(live).contains("kind: Deployment", "kind: Pod", "kind: Secret");
        }
    }

    private static ClusterSchema load(SchemaService service, ClusterSession session) {
        try {
            return service.load(session);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<Path, FileTime> cachedFiles() throws Exception {
        try (Stream<Path> files = Files.walk(cache)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toMap(f -> f, f -> {
                try {
                    return Files.getLastModifiedTime(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}

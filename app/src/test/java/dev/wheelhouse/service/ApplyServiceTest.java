package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.service.ApplyService.DocumentResult;
import dev.wheelhouse.service.ApplyService.Outcome;
import dev.wheelhouse.service.manifest.Manifest;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Server-side apply through the editor's service against the sandbox: conflicts, refusals at their lines, order. */
@Tag("cluster")
class ApplyServiceTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("editor-apply-test");
    private static ClusterSession session;

    @BeforeAll
    static void connect() throws Exception {
        session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
    }

    @AfterAll
    static void disconnect() {
        if (session != null) {
            session.close();
        }
    }

    private static String deployment(String name, String replicas, String extraSpec) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                spec:
                  replicas: %s
                  selector:
                    matchLabels: {app: %1$s}
                  template:
                    metadata:
                      labels: {app: %1$s}
                    spec:
                      containers:
                      - name: web
                        image: nginx:1.27
                %s""".formatted(name, replicas, extraSpec);
    }

    private static List<DocumentResult> apply(String yaml, boolean force, boolean dryRun) {
        return session.apply().apply(Manifest.parse(yaml), NS.name(), force, dryRun, message -> { });
    }

    @Test
    void changedReplicasReachTheServerAsWheelhouse() {
        String name = "replicas";
        assertThat(apply(deployment(name, "1", ""), false, false)).extracting(DocumentResult::outcome).containsExactly(Outcome.APPLIED);
        List<DocumentResult> results = apply(deployment(name, "3", ""), false, false);
        assertThat(results.get(0).message()).contains("configured");
        assertThat(Sandbox.kubectl("-n", NS.name(), "get", "deployment", name, "-o", "jsonpath={.spec.replicas}")).isEqualTo("3");
        assertThat(Sandbox.kubectl("-n", NS.name(), "get", "deployment", name, "--show-managed-fields", "-o",
                "jsonpath={.metadata.managedFields[*].manager}")).contains(ApplyService.FIELD_MANAGER);
    }

    @Test
    void aFieldOwnedByAnotherManagerIsAConflictNamingItAndForceTakesItOver() throws Exception {
        String name = "contested";
        apply(deployment(name, "1", ""), false, false);
        Path file = Files.createTempFile("other", ".yaml");
        Files.writeString(file, deployment(name, "2", "").replace("metadata:\n  name: contested", "metadata:\n  name: contested\n  namespace: " + NS.name()));
        Sandbox.kubectl("apply", "--server-side", "--field-manager=other", "--force-conflicts", "-f", file.toString());
        Files.delete(file);

        String edited = deployment(name, "4", "");
        DocumentResult conflict = apply(edited, false, false).get(0);
        assertThat(conflict.outcome()).isEqualTo(Outcome.CONFLICT);
        assertThat(conflict.conflicts()).anySatisfy(c -> {
            assertThat(c.manager()).isEqualTo("other");
            assertThat(c.field()).isEqualTo("spec.replicas");
            assertThat(c.line()).isEqualTo(6);
        });
        assertThat(conflict.message()).contains("\"other\"");

        assertThat(apply(edited, true, false).get(0).outcome()).isEqualTo(Outcome.APPLIED);
        assertThat(Sandbox.kubectl("-n", NS.name(), "get", "deployment", name, "-o", "jsonpath={.spec.replicas}")).isEqualTo("4");
    }

    @Test
    void anUnknownFieldAndAWrongTypeAreMarkedAtTheirLinesByTheDryRun() {
        DocumentResult unknown = apply(deployment("unknown", "1", "  paused: false\n  colour: blue\n"), false, true).get(0);
        assertThat(unknown.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(unknown.problems()).anySatisfy(p -> assertThat(p.line()).isEqualTo(17));

        DocumentResult wrongType = apply(deployment("wrongtype", "\"three\"", ""), false, true).get(0);
        assertThat(wrongType.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(wrongType.problems()).anySatisfy(p -> assertThat(p.line()).isEqualTo(6));
        assertThat(Sandbox.kubectlResult("-n", NS.name(), "get", "deployment", "unknown").exitCode()).as("a dry run stores nothing").isNotZero();
    }

    @Test
    void aCustomResourceDefinitionAppliesBeforeItsResourcesWrittenFirst() {
        String manifest = """
                apiVersion: editortest.wheelhouse.dev/v1
                kind: Gadget
                metadata:
                  name: first-gadget
                spec:
                  size: 3
                ---
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata:
                  name: gadgets.editortest.wheelhouse.dev
                spec:
                  group: editortest.wheelhouse.dev
                  scope: Namespaced
                  names: {plural: gadgets, singular: gadget, kind: Gadget}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                """;
        Sandbox.kubectlResult("delete", "crd", "gadgets.editortest.wheelhouse.dev", "--wait=true", "--timeout=60s");
        try {
            List<DocumentResult> results = apply(manifest, false, false);
            assertThat(results).extracting(DocumentResult::title)
                    .containsExactly("CustomResourceDefinition gadgets.editortest.wheelhouse.dev", "Gadget first-gadget");
            assertThat(results).extracting(DocumentResult::outcome).containsOnly(Outcome.APPLIED);
            assertThat(Sandbox.kubectl("-n", NS.name(), "get", "gadgets", "first-gadget", "-o", "jsonpath={.spec.size}")).isEqualTo("3");
        } finally {
            Sandbox.kubectlResult("delete", "crd", "gadgets.editortest.wheelhouse.dev", "--wait=false");
        }
    }

    @Test
    void theTwoTierAppAppliesIntoANewNamespaceAndItsPodsRun() throws Exception {
        String namespace = NS.name() + "-two-tier";
        Sandbox.kubectlResult("delete", "namespace", namespace, "--wait=true", "--timeout=120s");
        String app = Files.readString(Sandbox.repository().resolve("sandbox/workloads/two-tier.yaml"));
        String manifest = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + namespace + "\n---\n" + app;
        try {
            List<DocumentResult> results = session.apply().apply(Manifest.parse(manifest), namespace, false, false, message -> { });
            assertThat(results).allSatisfy(r -> assertThat(r.outcome()).as(r.message()).isEqualTo(Outcome.APPLIED));
            assertThat(results.get(0).title()).isEqualTo("Namespace " + namespace);
            assertThat(Sandbox.eventually(Duration.ofSeconds(90), () -> {
                String phases = Sandbox.kubectl("-n", namespace, "get", "pods", "-o", "jsonpath={.items[*].status.phase}");
                return phases.split(" ").length == 4 && phases.replace("Running", "").isBlank();
            })).isTrue();
        } finally {
            Sandbox.kubectlResult("delete", "namespace", namespace, "--wait=false");
        }
    }
}

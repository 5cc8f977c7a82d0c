package dev.wheelhouse.service.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.manifest.FieldDoc;
import dev.wheelhouse.service.manifest.Manifest;
import dev.wheelhouse.service.manifest.ManifestProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checks, explanations and completions against the OpenAPI documents saved from the sandbox. */
class ClusterSchemaTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              labels:
                app: web
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: web
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    imagePullPolicy: IfNotPresent
                    ports:
                    - containerPort: 80
                      protocol: TCP
                    resources:
                      limits:
                        cpu: 500m
                        memory: 1Gi
                      requests:
                        cpu: 0.25
                        memory: 268435456
            """;

    private final ClusterSchema schema = SavedSchemas.schema();

    private List<ManifestProblem> check(String yaml) {
        Manifest manifest = Manifest.parse(yaml);
        assertThat(manifest.problems()).as("the YAML itself parses").isEmpty();
        return schema.check(manifest);
    }

    @Test
    void aValidDeploymentHasNoProblems() {
        assertThat(check(DEPLOYMENT)).isEmpty();
    }

    @Test
    void explainsAFieldLikeKubectlExplain() {
        Manifest manifest = Manifest.parse(DEPLOYMENT);
        FieldDoc port = schema.explain(manifest, 22, 11).orElseThrow(); // "- containerPort: 80"
        assertThat(port.path()).isEqualTo("spec.template.spec.containers[].ports[].containerPort");
        assertThat(port.owner()).isEqualTo("Deployment (apps/v1)");
        assertThat(port.type()).isEqualTo("integer");
        assertThat(port.required()).isTrue();
        assertThat(port.description()).contains("Number of port to expose on the pod's IP address");
        assertThat(port.fields()).isEmpty();

        FieldDoc containers = schema.explain(manifest, 17, 8).orElseThrow();
        assertThat(containers.path()).isEqualTo("spec.template.spec.containers");
        assertThat(containers.type()).isEqualTo("[]Container");
        assertThat(containers.required()).isTrue();
        assertThat(containers.fields()).contains("name", "image", "ports", "resources", "livenessProbe");

        FieldDoc protocol = schema.explain(manifest, 23, 11).orElseThrow();
        assertThat(protocol.enumValues()).containsExactly("SCTP", "TCP", "UDP");
        assertThat(protocol.required()).isFalse();

        assertThat(schema.explain(manifest, 6, 5).orElseThrow().type()).isEqualTo("map[string]string");
        assertThat(schema.explain(manifest, 25, 12).orElseThrow().type()).isEqualTo("map[string]Quantity");
        assertThat(schema.explain(manifest, 3, 2).orElseThrow().type()).isEqualTo("ObjectMeta");
        FieldDoc root = schema.explain(manifest, 2, 1).orElseThrow();
        assertThat(root.path()).isEqualTo("kind");
        assertThat(root.type()).isEqualTo("string");
    }

    @Test
    void explainsTheFieldUnderTheCaretWhileTheTextDoesNotParse() {
        String typing = DEPLOYMENT.replace("imagePullPolicy: IfNotPresent", "imagePullPolicy: \"IfNot");
        Manifest manifest = Manifest.parse(typing);
        assertThat(manifest.problems()).isNotEmpty();
        FieldDoc policy = schema.explain(manifest, 20, 9).orElseThrow();
        assertThat(policy.path()).isEqualTo("spec.template.spec.containers[].imagePullPolicy");
        assertThat(policy.enumValues()).containsExactly("Always", "IfNotPresent", "Never");
    }

    @Test
    void completesTheFieldsOfTheMappingAtTheCaretNotYetWrittenFirst() {
        // A new, empty line inside the container, indented like its fields.
        String text = DEPLOYMENT.replace("        image: nginx:1.27\n", "        image: nginx:1.27\n        \n");
        List<String> fields = schema.complete(text, 20, 9);
        assertThat(fields).contains("args", "command", "env", "livenessProbe", "readinessProbe", "volumeMounts");
        assertThat(fields.indexOf("env")).isLessThan(fields.indexOf("image"));
        assertThat(fields.subList(fields.size() - 5, fields.size()))
                .containsExactlyInAnyOrder("name", "image", "imagePullPolicy", "ports", "resources");

        String partial = DEPLOYMENT.replace("        image: nginx:1.27\n", "        image: nginx:1.27\n        liv\n");
        assertThat(schema.complete(partial, 20, 12)).containsExactly("livenessProbe");
        String spec = DEPLOYMENT.replace("  replicas: 2\n", "  replicas: 2\n  st\n");
        assertThat(schema.complete(spec, 9, 5)).containsExactly("strategy");
        String root = DEPLOYMENT + "\n";
        assertThat(schema.complete(root, 31, 1)).containsExactly("status", "apiVersion", "kind", "metadata", "spec");
    }

    @Test
    void completesEnumValuesAndBooleansWhenAValueIsTyped() {
        String policy = DEPLOYMENT.replace("imagePullPolicy: IfNotPresent", "imagePullPolicy: ");
        assertThat(schema.complete(policy, 20, 26)).containsExactly("Always", "IfNotPresent", "Never");
        String partial = DEPLOYMENT.replace("imagePullPolicy: IfNotPresent", "imagePullPolicy: N");
        assertThat(schema.complete(partial, 20, 27)).containsExactly("Never");
        String bool = DEPLOYMENT.replace("  replicas: 2\n", "  replicas: 2\n  paused: \n");
        assertThat(schema.complete(bool, 9, 11)).containsExactly("true", "false");
        assertThat(schema.complete("apiVersion: apps/v1\nkind: Dep", 2, 10)).containsExactly("Deployment");
    }

    @Test
    void completesOnANewListItemAndInCompactLists() {
        String compact = """
                apiVersion: v1
                kind: Pod
                spec:
                  containers:
                  - name: a
                    ports:
                    - containerPort: 80
                    - pro
                """;
        assertThat(schema.complete(compact, 8, 10)).containsExactly("protocol");
        String item = compact.replace("    - pro\n", "  - \n");
        assertThat(schema.complete(item, 8, 5)).contains("name", "image").doesNotContain("containerPort");
        String accessModes = """
                apiVersion: v1
                kind: PersistentVolumeClaim
                spec:
                  accessModes:
                  - Read
                """;
        assertThat(schema.complete(accessModes, 5, 9)).contains("ReadWriteOnce", "ReadOnlyMany").doesNotContain("spec");
    }

    @Test
    void anUnknownFieldIsMarkedAtItsLineWithTheNameItProbablyMeant() {
        List<ManifestProblem> problems = check(DEPLOYMENT.replace("  replicas: 2", "  replicaz: 2"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.column()).isEqualTo(3);
            assertThat(p.field()).isEqualTo("spec.replicaz");
            assertThat(p.message()).contains("unknown field \"spec.replicaz\"").contains("did you mean replicas?");
            assertThat(p.source()).isEqualTo(ManifestProblem.Source.SCHEMA);
        });
    }

    @Test
    void aWrongTypeIsMarkedAtItsLine() {
        assertThat(check(DEPLOYMENT.replace("replicas: 2", "replicas: two"))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.message()).contains("\"spec.replicas\" must be an integer, not the string \"two\"");
        });
        assertThat(check(DEPLOYMENT.replace("containerPort: 80", "containerPort: \"80\""))).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(22));
        // A label value must be a string: 1.0 read from YAML is a number.
        assertThat(check(DEPLOYMENT.replace("    app: web\nspec:", "    version: 1.0\nspec:"))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.field()).isEqualTo("metadata.labels.version");
            assertThat(p.message()).contains("must be a string");
        });
        assertThat(check(DEPLOYMENT.replace("        ports:\n        - containerPort: 80\n          protocol: TCP\n", "        ports: 80\n")))
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(21);
                    assertThat(p.message()).contains("must be a list ([]ContainerPort)");
                });
        assertThat(check(DEPLOYMENT.replace("imagePullPolicy: IfNotPresent", "imagePullPolicy: Sometimes"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be one of Always, IfNotPresent, Never"));
    }

    @Test
    void intOrStringAndQuantitiesTakeNumbersAndStrings() {
        String service = """
                apiVersion: v1
                kind: Service
                metadata: {name: web}
                spec:
                  ports:
                  - port: 80
                    targetPort: http
                  - port: 81
                    targetPort: 8081
                """;
        assertThat(check(service)).isEmpty();
        assertThat(check(service.replace("targetPort: http", "targetPort: true"))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("an integer or a string");
        });
        assertThat(check(DEPLOYMENT.replace("cpu: 500m", "cpu: [1]"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("quantity"));
    }

    @Test
    void aMissingRequiredFieldIsMarkedAtItsParent() {
        assertThat(check(DEPLOYMENT.replace("- name: web\n        image", "- image"))).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(18);
            assertThat(p.field()).isEqualTo("spec.template.spec.containers[0]");
            assertThat(p.message()).contains("missing required field \"spec.template.spec.containers[0].name\"");
        });
        String noSelector = DEPLOYMENT.replace("  selector:\n    matchLabels:\n      app: web\n", "");
        assertThat(check(noSelector)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("\"spec.selector\"");
        });
    }

    @Test
    void unknownKindsAndApiVersionsAreMarkedOnTheKindLine() {
        assertThat(check("apiVersion: apps/v1\nkind: Deploymnt\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("unknown kind Deploymnt in apps/v1 (did you mean Deployment?)");
        });
        assertThat(check("apiVersion: v1\nkind: Deployment\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).contains("the cluster serves Deployment as apiVersion apps/v1");
        });
        assertThat(check("kind: Pod\napiVersion: apps/v2\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.message()).contains("unknown apiVersion apps/v2");
        });
        assertThat(check("apiVersion: v1\nmetadata: {name: x}\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("missing kind"));
    }

    @Test
    void eachDocumentIsCheckedAgainstItsOwnKindAndAListsItemsToo() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: a}
                data: {key: value}
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: v1
                  kind: Secret
                  metadata: {name: b}
                  data: {password: "not base64!"}
                """;
        assertThat(check(yaml)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(12);
            assertThat(p.field()).isEqualTo("items[0].data.password");
            assertThat(p.message()).contains("base64");
        });
    }

    @Test
    void customResourcesFollowTheirDefinitionsSchema() {
        String probe = """
                apiVersion: schema-probe.wheelhouse.dev/v1
                kind: Probe
                metadata: {name: p}
                spec:
                  size: 3
                  mode: Fast
                  port: http
                  extra: {anything: [1, 2], goes: here}
                  tags: {team: web}
                """;
        assertThat(check(probe)).isEmpty();
        assertThat(check(probe.replace("  size: 3\n", "") + "  colour: red\n")).extracting(ManifestProblem::message)
                .containsExactlyInAnyOrder("missing required field \"spec.size\"", "unknown field \"spec.colour\"");
        assertThat(check(probe.replace("mode: Fast", "mode: Medium"))).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(6));
        assertThat(check(probe.replace("port: http", "port: 1.5"))).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(7));
        assertThat(check(probe.replace("team: web", "team: 7"))).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("spec.tags.team"));
        FieldDoc size = schema.explain(Manifest.parse(probe), 5, 4).orElseThrow();
        assertThat(size.type()).isEqualTo("integer");
        assertThat(size.description()).isEqualTo("How big.");
        assertThat(size.owner()).isEqualTo("Probe (schema-probe.wheelhouse.dev/v1)");
        assertThat(schema.explain(Manifest.parse(probe), 7, 4).orElseThrow().type()).isEqualTo("IntOrString");
    }
}

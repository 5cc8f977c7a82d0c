package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.ApplyService.DocumentResult;
import dev.wheelhouse.service.manifest.Manifest;
import dev.wheelhouse.service.manifest.ObjectYaml;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The editor's dry run against {@code kubectl apply --server-side --dry-run=server} on the same files: the same
 * objects must pass. {@code manifest-shapes/} (with CRLF and byte-order-mark copies) always; the manifests of a
 * folder named by {@code WHEELHOUSE_EXTRA_MANIFESTS} too, to compare on real installs kept outside the repository.
 * kubectl runs as the editor's field manager, with the test namespace as its context's namespace (not {@code -n}, which makes kubectl refuse
 * objects that name another namespace), as the editor sends documents that name none into it.
 */
@Tag("cluster")
class ManifestShapesApplyTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("manifest-shapes-test");
    @TempDir
    static Path temp;
    private static ClusterSession session;
    private static Path kubeconfig;

    @BeforeAll
    static void connect() throws Exception {
        session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
        kubeconfig = Files.copy(Sandbox.kubeconfig(), temp.resolve("kubeconfig"), StandardCopyOption.REPLACE_EXISTING);
        Sandbox.kubectl("--kubeconfig", kubeconfig.toString(), "config", "set-context", "--current", "--namespace=" + NS.name());
    }

    @AfterAll
    static void disconnect() {
        if (session != null) {
            session.close();
        }
    }

    static List<Path> files() throws IOException, URISyntaxException {
        Path shapes = Path.of(ManifestShapesApplyTest.class.getResource("/manifest-shapes/anchors.yaml").toURI()).getParent();
        List<Path> files = new ArrayList<>(list(shapes));
        Path install = shapes.resolve("operator-install.yaml");
        Path copies = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "manifest-shapes-variants"));
        files.add(Files.writeString(copies.resolve("operator-install-crlf.yaml"), Files.readString(install).replace("\n", "\r\n")));
        files.add(Files.writeString(copies.resolve("operator-install-bom.yaml"), "\uFEFF" + Files.readString(install)));
        String extra = System.getenv("WHEELHOUSE_EXTRA_MANIFESTS");
        if (extra != null && !extra.isBlank()) {
            files.addAll(list(Path.of(extra)));
        }
        return files;
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theDryRunPassesWhatKubectlPasses(Path file) throws IOException {
        Manifest manifest = Manifest.parse(Files.readString(file));
        assertThat(manifest.problems()).isEmpty();
        Set<String> ours = new TreeSet<>();
        List<String> messages = new ArrayList<>();
        for (DocumentResult result : session.apply().apply(manifest, NS.name(), false, true, message -> { })) {
            messages.add(result.message());
            if (result.outcome().ok()) {
                String[] kindAndName = result.title().split(" ", 2);
                ours.add(kindAndName[0].toLowerCase(Locale.ROOT) + "/" + kindAndName[1].substring(kindAndName[1].indexOf('/') + 1));
            }
        }
        assertThat(ours).as("%s", messages).isEqualTo(kubectlPasses(file));
    }

    /** kind/name of each object kubectl's server-side dry run passed ({@code -o name} prints kind.group/name). */
    private static Set<String> kubectlPasses(Path file) {
        Sandbox.Result result = Sandbox.kubectlResult("--kubeconfig", kubeconfig.toString(), "apply", "--server-side",
                "--field-manager=" + ApplyService.FIELD_MANAGER, "--dry-run=server", "-o", "name", "-f", file.toString());
        Set<String> passed = new TreeSet<>();
        for (String line : result.output().split("\n")) {
            if (line.matches("[a-z0-9]+(\\.[^/ ]+)?/\\S+")) {
                passed.add(line.replaceFirst("^([a-z0-9]+)(\\.[^/]*)?/", "$1/"));
            }
        }
        return passed;
    }

    @Test
    void aCustomResourceDefinitionTooBigForLastAppliedAnnotationsPassesAsWithKubectl() throws IOException {
        StringBuilder properties = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            properties.append("              field").append(i).append(": {type: string, description: \"")
                    .append("A long description of a field, as generated CRDs carry them. ".repeat(12)).append("\"}\n");
        }
        String crd = """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: bigs.shapes.wheelhouse.dev}
                spec:
                  group: shapes.wheelhouse.dev
                  scope: Namespaced
                  names: {plural: bigs, singular: big, kind: Big}
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
                            properties:
                """ + properties;
        assertThat(crd.length()).isGreaterThan(256 * 1024); // over the limit of all annotations together
        Path file = Files.writeString(temp.resolve("big-crd.yaml"), crd);
        List<DocumentResult> results = session.apply().apply(Manifest.parse(crd), NS.name(), false, true, message -> { });
        assertThat(results).extracting(DocumentResult::outcome).containsExactly(ApplyService.Outcome.DRY_RUN_PASSED);
        assertThat(kubectlPasses(file)).containsExactly("customresourcedefinition/bigs.shapes.wheelhouse.dev");
    }

    @Test
    void liveObjectsPrintedAsYamlThenDryRunAppliedShowNoDifference() throws Exception {
        Path file = Path.of(getClass().getResource("/manifest-shapes/nasty-strings.yaml").toURI());
        Sandbox.kubectl("apply", "--server-side", "-n", NS.name(), "-f", file.toString());
        List<DocumentResult> live = session.apply().apply(Manifest.parse(Files.readString(file)), NS.name(), true, true, message -> { });
        assertThat(live).hasSize(4).allSatisfy(result -> assertThat(result.before()).as(result.title()).isNotNull());
        for (DocumentResult result : live) {
            String printed = ObjectYaml.print(ObjectYaml.withoutManagedFields(result.before().fields()));
            List<DocumentResult> again = session.apply().apply(Manifest.parse(printed), NS.name(), false, true, message -> { });
            assertThat(again).singleElement().satisfies(back -> {
                assertThat(back.outcome()).as(back.message()).isEqualTo(ApplyService.Outcome.DRY_RUN_PASSED);
                assertThat(back.diff().hasChanges()).as(back.diff().unified()).isFalse();
            });
        }
    }
}

package dev.wheelhouse.service.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.schema.SavedSchemas;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code manifest-shapes/} holds valid manifests written the ways real ones are (multi-document installs, lists,
 * anchors, comment-only documents, block scalars, YAML 1.1 scalars, CRDs with their resources): each parses with no
 * problem, also with CRLF line endings and a byte-order mark, and the schema finds nothing wrong in them beyond
 * kinds it does not know (the saved schemas hold core v1, apps/v1 and one CRD's group only).
 */
class ManifestShapesTest {
    static final Path SHAPES = shapes();

    private static Path shapes() {
        try {
            return Path.of(ManifestShapesTest.class.getResource("/manifest-shapes/anchors.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(SHAPES)) {
            return files.sorted().toList();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void parsesTheSameWithCrlfLineEndingsAndAByteOrderMark(Path file) throws IOException {
        String text = Files.readString(file);
        Manifest plain = Manifest.parse(text);
        Manifest crlf = Manifest.parse(text.replace("\n", "\r\n"));
        Manifest bom = Manifest.parse("\uFEFF" + text);
        assertThat(plain.problems()).isEmpty();
        assertThat(crlf.problems()).isEmpty();
        assertThat(bom.problems()).isEmpty();
        assertThat(plain.documents()).isNotEmpty();
        List<Object> values = plain.documents().stream().map(ManifestDocument::value).toList();
        assertThat(crlf.documents().stream().map(ManifestDocument::value).toList()).isEqualTo(values);
        assertThat(bom.documents().stream().map(ManifestDocument::value).toList()).isEqualTo(values);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theSchemaFindsNothingButKindsItDoesNotKnowAtTheirKindLine(Path file) throws IOException {
        Manifest manifest = Manifest.parse(Files.readString(file));
        for (ManifestProblem problem : SavedSchemas.schema().check(manifest)) {
            assertThat(problem.message()).as("%s", problem).containsAnyOf("unknown apiVersion", "unknown kind");
            assertThat(manifest.text().split("\n")[problem.line() - 1]).as("%s", problem).startsWith("kind: ");
        }
    }

    @Test
    void theItemsOfAListAreAppliedAsObjectsAtTheirOwnLines() throws IOException {
        Manifest list = Manifest.parse(Files.readString(SHAPES.resolve("list-kind.yaml")));
        List<ManifestDocument> objects = ApplyOrder.of(list.documents());
        assertThat(objects).extracting(ManifestDocument::kind).containsExactly("ConfigMap", "Service");
        assertThat(objects).extracting(ManifestDocument::name).containsExactly("listed-config", "listed-service");
        assertThat(objects.get(1).positionOf(FieldPath.parse("spec.ports")).orElseThrow().line()).isEqualTo(17);
    }

    @Test
    void theItemsOfATypedListTakeItsKindAndApiVersion() throws IOException {
        Manifest list = Manifest.parse(Files.readString(SHAPES.resolve("configmap-list.yaml")));
        List<ManifestDocument> objects = ApplyOrder.of(list.documents());
        assertThat(objects).extracting(ManifestDocument::kind).containsExactly("ConfigMap", "ConfigMap");
        assertThat(objects).extracting(ManifestDocument::apiVersion).containsExactly("v1", "v1");
        assertThat(objects.get(1).start().line()).isEqualTo(10);
    }

    @Test
    void aListIsOrderedLikeTheRestNamespacesFirst() {
        Manifest manifest = Manifest.parse("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: made}
                ---
                apiVersion: v1
                kind: List
                items:
                - {apiVersion: v1, kind: Namespace, metadata: {name: made}}
                """);
        assertThat(ApplyOrder.of(manifest.documents())).extracting(ManifestDocument::kind).containsExactly("Namespace", "ConfigMap");
    }

    @Test
    void controlCharactersArePrintedAsQuotedTextAndReadBackAsTheSameString() {
        Map<String, Object> object = Map.of("apiVersion", "v1", "kind", "ConfigMap", "metadata", Map.of("name", "c"),
                "data", Map.of("bell", "ring\u0007", "escape", "\u001b[31mred\u001b[0m\n"));
        String printed = ObjectYaml.print(object);
        assertThat(printed).doesNotContain("!!binary");
        assertThat(Manifest.parse(printed).documents().get(0).value()).isEqualTo(object);
    }
}

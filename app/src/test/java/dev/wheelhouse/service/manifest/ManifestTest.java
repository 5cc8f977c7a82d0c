package dev.wheelhouse.service.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              creationTimestamp: 2024-05-01T10:00:00Z
              labels:
                app.kubernetes.io/name: web
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                  - name: web
                    image: nginx
                    ports:
                    - containerPort: 80
            """;

    @Test
    void readsValuesAsTheApiServerWould() {
        Manifest manifest = Manifest.parse(DEPLOYMENT);
        assertThat(manifest.problems()).isEmpty();
        ManifestDocument document = manifest.documents().get(0);
        assertThat(document.kind()).isEqualTo("Deployment");
        assertThat(document.name()).isEqualTo("web");
        assertThat(((Map<?, ?>) document.map().get("spec")).get("replicas")).isEqualTo(2);
        assertThat(((Map<?, ?>) document.map().get("metadata")).get("creationTimestamp")).isEqualTo("2024-05-01T10:00:00Z");
    }

    @Test
    void findsWhereAFieldIsWrittenAndWhichFieldIsAtAPlace() {
        ManifestDocument document = Manifest.parse(DEPLOYMENT).documents().get(0);
        assertThat(document.positionOf(FieldPath.parse("spec.template.spec.containers[0].ports[0].containerPort")))
                .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(16));
        assertThat(document.positionOf(FieldPath.parse(".spec.replicas"))).hasValueSatisfying(p -> {
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.column()).isEqualTo(3);
        });
        assertThat(document.positionOf(FieldPath.parse("metadata.labels[app.kubernetes.io/name]")))
                .hasValueSatisfying(p -> assertThat(p.line()).isEqualTo(7));
        assertThat(document.positionOf(FieldPath.parse("spec.nothing"))).isEmpty();
        assertThat(document.pathAt(14, 12).toString()).isEqualTo("spec.template.spec.containers[0].image");
        assertThat(document.pathAt(7, 5).toString()).isEqualTo("metadata.labels[app.kubernetes.io/name]");
    }

    @Test
    void aBadThirdDocumentKeepsTheFirstTwoAndPointsAtItsLine() {
        Manifest manifest = Manifest.parse("a: 1\n---\nb: 2\n---\nc: [1, 2\n");
        assertThat(manifest.documents()).hasSize(2);
        // Reported where the bracket that is never closed opens, not at the end of the text where SnakeYAML notices.
        assertThat(manifest.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(5);
            assertThat(p.column()).isEqualTo(4);
        });
        assertThat(manifest.documentAt(3)).hasValueSatisfying(d -> assertThat(d.index()).isEqualTo(1));
    }

    @Test
    void duplicateKeysAndTabsAreProblemsAtTheirLines() {
        assertThat(Manifest.parse("metadata:\n  name: a\n  name: b\n").problems())
                .singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.message()).contains("duplicate key name");
                });
        assertThat(Manifest.parse("spec:\n\treplicas: 1\n").problems())
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }

    @Test
    void anAliasBombIsRefusedNotExpanded() {
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char previous = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [");
            bomb.append(("*" + previous + ", ").repeat(8)).append('*').append(previous).append("]\n");
        }
        Manifest manifest = Manifest.parse(bomb.toString());
        assertThat(manifest.problems()).singleElement().satisfies(p -> assertThat(p.message()).containsIgnoringCase("alias"));
    }

    @Test
    void binaryGarbageIsAProblemNotAnException() {
        assertThat(Manifest.parse("kind: Pod\nname: \u0000\u0001").problems())
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
    }
}

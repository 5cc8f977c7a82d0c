package dev.wheelhouse.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.ObjectDetails.Line;
import dev.wheelhouse.kinds.ObjectDetails.Link;
import dev.wheelhouse.kinds.ObjectDetails.Section;
import dev.wheelhouse.model.KubeObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectDetailsTest {
    private final KindRegistry registry = new KindRegistry();

    private List<Section> details(String fixture) {
        KubeObject object = Fixtures.load(fixture);
        return ObjectDetails.of(registry.findByKind(object.kind()).orElseThrow(), object);
    }

    private static Section section(List<Section> sections, String title) {
        return sections.stream().filter(s -> s.title().equals(title)).findFirst().orElseThrow();
    }

    @Test
    void aPodLinksToItsNodeItsOwnerAndTheConfigMapItReads() {
        KubeObject pod = Fixtures.load("pod");

        assertThat(ObjectDetails.references(pod)).containsExactly(
                new Link("Node", "", pod.string("spec.nodeName")),
                new Link("ReplicaSet", "dev", ((Map<?, ?>) pod.list("metadata.ownerReferences").get(0)).get("name").toString()),
                new Link("ConfigMap", "dev", "frontend-config"));
        List<Section> sections = details("pod");
        assertThat(section(sections, "Containers").lines()).extracting(Line::label).contains("frontend", "  ports", "  env from", "  state");
        assertThat(section(sections, "Status").lines()).extracting(Line::label).contains("Phase", "Ready");
    }

    @Test
    void secretValuesAreDecodedButMarkedSecretSoTheViewMasksThem() {
        Section data = section(details("secret"), "Data");

        assertThat(data.lines()).allMatch(Line::secret);
        assertThat(data.lines()).extracting(Line::label).containsExactlyInAnyOrder("DB_USER", "DB_PASSWORD");
        assertThat(data.lines()).filteredOn(l -> l.label().equals("DB_USER")).extracting(Line::value).containsExactly("wheelhouse");
    }

    @Test
    void aSecretsAnnotationsAreMaskedLikeItsValuesAndLastAppliedIsLeftOut() {
        Section metadata = section(details("secret-annotated"), "Metadata");

        assertThat(metadata.lines()).filteredOn(l -> l.label().startsWith("Annotation")).singleElement().satisfies(line -> {
            assertThat(line.secret()).isTrue();
            assertThat(line.label()).isEqualTo("Annotation tokens.example.com/seed");
            assertThat(line.value()).as("revealable").isEqualTo("c2VlZC1mb3ItdGhlLXRva2Vu");
        });
        // The secret fixture's only annotation is kubectl's last-applied copy, which holds the values in clear.
        assertThat(section(details("secret"), "Metadata").lines()).noneMatch(l -> l.label().startsWith("Annotation"));
    }

    @Test
    void otherKindsAnnotationsStayInClear() {
        KubeObject configMap = Fixtures.load("configmap");
        configMap.annotations().put("team", "web");

        assertThat(section(ObjectDetails.of(registry.findByKind("ConfigMap").orElseThrow(), configMap), "Metadata").lines())
                .contains(Line.of("Annotation", "team=web"));
    }

    @Test
    void noSecretValueAppearsInTheDetailsText() {
        List<Section> sections = details("secret-annotated");

        String printed = sections.toString();
        assertThat(printed).doesNotContain("not-a-real-token", "bm90LWEtcmVhbC10b2tlbg==", "c2VlZC1mb3ItdGhlLXRva2Vu")
                .contains("api-token", "<masked>");
        assertThat(section(sections, "Data").lines()).singleElement().satisfies(line -> {
            assertThat(line.value()).isEqualTo("not-a-real-token");
            assertThat(line.toString()).doesNotContain("not-a-real-token");
        });
    }

    @Test
    void configMapValuesAreShownInClear() {
        Section data = section(details("configmap"), "Data");

        assertThat(data.lines()).noneMatch(Line::secret);
        assertThat(data.lines()).extracting(Line::value).contains("http://backend-service");
    }

    @Test
    void aDeploymentShowsItsTemplateContainersAndOwnSelector() {
        List<Section> sections = details("deployment");

        assertThat(section(sections, "Deployment").lines()).extracting(Line::value).contains("app=frontend", "RollingUpdate");
        assertThat(section(sections, "Containers").lines()).extracting(Line::value).contains("wheelhouse/frontend:1.0");
    }
}

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

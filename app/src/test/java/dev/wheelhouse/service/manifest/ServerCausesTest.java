package dev.wheelhouse.service.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCausesTest {
    private static final ManifestDocument DEPLOYMENT = Manifest.parse("""
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: first}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: "three"
              colour: blue
              template:
                spec:
                  containers:
                  - name: sidecar
                    image: busybox
                  - name: web
                    image: nginx
                    ports:
                    - containerPort: 80
            """).documents().get(1);

    private static ManifestProblem only(String message, ServerCauses.Cause... causes) {
        List<ManifestProblem> problems = ServerCauses.locate(DEPLOYMENT, message, List.of(causes));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).source()).isEqualTo(ManifestProblem.Source.SERVER);
        return problems.get(0);
    }

    @Test
    void validationCausesPointAtTheirField() {
        ManifestProblem problem = only("Deployment.apps \"web\" is invalid",
                new ServerCauses.Cause("spec.template.spec.containers[1].ports[0].containerPort", "must be between 1 and 65535"));
        assertThat(problem.line()).isEqualTo(20);
        assertThat(problem.column()).isEqualTo(11);
        assertThat(problem.message()).isEqualTo("must be between 1 and 65535");
    }

    @Test
    void applyPathsWithLeadingDotsAndListSelectors() {
        assertThat(only("conflict", new ServerCauses.Cause(".spec.replicas", "conflict with \"other\" using apps/v1")).line()).isEqualTo(10);
        assertThat(only("x", new ServerCauses.Cause(".spec.template.spec.containers[name=\"web\"].image", "conflict")).line()).isEqualTo(18);
    }

    @Test
    void fieldsNamedOnlyInTheMessage() {
        assertThat(only("failed to create typed patch object (dev/web; apps/v1, Kind=Deployment): .spec.colour: field not declared in schema").line())
                .isEqualTo(11);
        assertThat(only("failed to create typed patch object (dev/web; apps/v1, Kind=Deployment): .spec.replicas: expected numeric (int or float), got string").field())
                .isEqualTo("spec.replicas");
        assertThat(only("", new ServerCauses.Cause("", "strict decoding error: unknown field \"spec.colour\"")).line()).isEqualTo(11);
    }

    @Test
    void aFieldNotWrittenPointsAtItsNearestParentAndNoFieldAtTheDocument() {
        assertThat(only("x", new ServerCauses.Cause("spec.template.spec.containers[name=\"db\"].image", "missing")).line()).isEqualTo(14);
        assertThat(only("the server is unhappy").line()).isEqualTo(5);
    }

    @Test
    void theManagerOfAConflict() {
        assertThat(ServerCauses.manager("conflict with \"other\" using apps/v1")).isEqualTo("other");
        assertThat(ServerCauses.manager("something else")).isEmpty();
    }
}

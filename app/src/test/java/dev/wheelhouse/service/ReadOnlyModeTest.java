package dev.wheelhouse.service;

import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** In classroom read-only mode the service itself refuses every change, with the reason, and the cluster stays as it was. */
@Tag("cluster")
class ReadOnlyModeTest {
    @RegisterExtension
    static final SandboxNamespace NAMESPACE = new SandboxNamespace("read-only-test");
    private static final String NS = NAMESPACE.name();

    private static KubeObject named(String name) {
        return new KubeObject(Map.of("metadata", Map.of("name", name, "namespace", NS)));
    }

    @Test
    void deleteAndScaleAreRefusedWithTheReasonAndChangeNothing() throws Exception {
        kubectl("-n", NS, "create", "deployment", "web", "--image=wheelhouse/web:1", "--replicas=1");
        kubectl("-n", NS, "create", "configmap", "kept", "--from-literal=a=b");
        ClusterService clusters = new ClusterService(List.of(Sandbox.kubeconfig()));
        try (ClusterSession session = clusters.connect(Sandbox.CONTEXT)) {
            clusters.readOnly().set(true);

            assertThatThrownBy(() -> session.actions().delete(ConfigMaps.DESCRIPTOR, named("kept")))
                    .isInstanceOf(ProblemException.class)
                    .hasMessage("Delete ConfigMap " + NS + "/kept refused. " + ReadOnlyMode.REASON)
                    .satisfies(e -> assertThat(((ProblemException) e).problem().kind()).isEqualTo(Problem.Kind.FORBIDDEN));
            assertThatThrownBy(() -> session.actions().scale(Deployments.DESCRIPTOR, named("web"), 3))
                    .hasMessage("Scale Deployment " + NS + "/web refused. " + ReadOnlyMode.REASON);
            assertThatThrownBy(() -> session.actions().restart(Deployments.DESCRIPTOR, named("web")))
                    .hasMessageStartingWith("Restart Deployment " + NS + "/web refused.");
            assertThat(kubectl("-n", NS, "get", "configmap", "kept", "-o", "name").trim()).isEqualTo("configmap/kept");
            assertThat(kubectl("-n", NS, "get", "deployment", "web", "-o", "jsonpath={.spec.replicas}")).isEqualTo("1");

            // Switched off, the same session changes the cluster again.
            clusters.readOnly().set(false);
            assertThat(session.actions().scale(Deployments.DESCRIPTOR, named("web"), 2)).isEqualTo("Scaled Deployment " + NS + "/web to 2 replicas.");
            assertThat(kubectl("-n", NS, "get", "deployment", "web", "-o", "jsonpath={.spec.replicas}")).isEqualTo("2");
        }
    }
}

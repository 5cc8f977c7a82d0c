package dev.wheelhouse.service;

import static dev.wheelhouse.testing.Sandbox.eventually;
import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.Nodes;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Restart and cordon do what kubectl rollout restart and kubectl cordon do; failures carry the server's reason. */
@Tag("cluster")
class ResourceActionsTest {
    @RegisterExtension
    static final SandboxNamespace NAMESPACE = new SandboxNamespace("actions-test");
    private static final String NS = NAMESPACE.name();

    @AfterAll
    static void uncordonEvenIfATestFailed() {
        Sandbox.kubectlResult("uncordon", "node-000002");
    }

    private static KubeObject named(String namespace, String name) {
        return new KubeObject(Map.of("metadata", namespace.isEmpty() ? Map.of("name", name) : Map.of("name", name, "namespace", namespace)));
    }

    @Test
    void restartRollsTheDeploymentsPods() throws Exception {
        kubectl("-n", NS, "create", "deployment", "api", "--image=wheelhouse/api:1");
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            String said = session.actions().restart(Deployments.DESCRIPTOR, named(NS, "api"));

            assertThat(said).isEqualTo("Restarted Deployment " + NS + "/api: its pods are being replaced.");
            assertThat(kubectl("-n", NS, "get", "deployment", "api", "-o",
                    "jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}")).isNotBlank();
            assertThat(eventually(Duration.ofSeconds(30), () -> kubectl("-n", NS, "get", "replicasets", "-o", "name").lines().count() == 2))
                    .isTrue();
        }
    }

    /**
     * kubectl scale patches the scale subresource, so a user allowed only that can scale; patching the Deployment
     * itself would be forbidden. The user's token sits in a tokenFile ending in a newline, as echo writes it.
     */
    @Test
    void scaleUsesTheScaleSubresourceAsKubectlDoes() throws Exception {
        kubectl("-n", NS, "create", "deployment", "scaled", "--image=wheelhouse/api:1", "--replicas=1");
        String token = Sandbox.serviceAccountAllowedTo(NS, "scaler", "apps", "deployments/scale", "patch");
        Path dir = Files.createTempDirectory("wheelhouse-scaler");
        Path tokenFile = Files.writeString(dir.resolve("token"), token + "\n");
        String server = kubectl("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                clusters:
                - name: sandbox
                  cluster: {server: "%s", insecure-skip-tls-verify: true}
                contexts:
                - name: scaler
                  context: {cluster: sandbox, user: scaler, namespace: %s}
                users:
                - name: scaler
                  user: {tokenFile: token}
                """.formatted(server, NS));
        try (ClusterSession session = new ClusterService(List.of(kubeconfig)).connect("scaler")) {
            String said = session.actions().scale(Deployments.DESCRIPTOR, named(NS, "scaled"), 3);

            assertThat(said).isEqualTo("Scaled Deployment " + NS + "/scaled to 3 replicas.");
            assertThat(kubectl("-n", NS, "get", "deployment", "scaled", "-o", "jsonpath={.spec.replicas}")).isEqualTo("3");
            assertThatThrownBy(() -> session.actions().restart(Deployments.DESCRIPTOR, named(NS, "scaled")))
                    .as("the user may not patch the Deployment itself")
                    .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().kind()).isEqualTo(Problem.Kind.FORBIDDEN));
        } finally {
            Files.deleteIfExists(tokenFile);
            Files.deleteIfExists(kubeconfig);
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void cordonAndUncordonANode() throws Exception {
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            session.actions().setCordoned(Nodes.DESCRIPTOR, named("", "node-000002"), true);
            assertThat(kubectl("get", "node", "node-000002", "-o", "jsonpath={.spec.unschedulable}")).isEqualTo("true");

            session.actions().setCordoned(Nodes.DESCRIPTOR, named("", "node-000002"), false);
            assertThat(kubectl("get", "node", "node-000002", "-o", "jsonpath={.spec.unschedulable}")).isEmpty();
        }
    }

    @Test
    void aFailedActionCarriesTheServersReason() throws Exception {
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            assertThatThrownBy(() -> session.actions().scale(Deployments.DESCRIPTOR, named(NS, "no-such-thing"), 2))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        assertThat(e.problem().kind()).isEqualTo(Problem.Kind.NOT_FOUND);
                        assertThat(e.problem().message()).contains("\"no-such-thing\" not found");
                    });
        }
    }
}

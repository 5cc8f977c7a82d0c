package dev.wheelhouse.service.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import dev.wheelhouse.testing.ServiceAccountKubeconfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A lab on a cluster where RBAC forbids reading what its checks read says so, instead of never ticking in silence. */
@Tag("cluster")
class LabTrackerForbiddenTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("lab-forbidden-test");
    private static Path kubeconfig;

    @BeforeAll
    static void serviceAccountWithoutRights() throws Exception {
        kubeconfig = ServiceAccountKubeconfig.create(NS.name(), "lab-student");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        Files.deleteIfExists(kubeconfig);
    }

    @Test
    void aListTheCheckCannotReadIsReportedWithTheServersReason() throws Exception {
        Lab lab = LabLoader.builtIn().get(0).inNamespaces(ns -> NS.name());
        AtomicReference<String> problem = new AtomicReference<>("");
        try (ClusterSession session = new ClusterService(List.of(kubeconfig)).connect(ServiceAccountKubeconfig.CONTEXT);
             LabTracker tracker = LabTracker.start(session, lab, 0, done -> { }, problem::set)) {
            assertThat(Sandbox.eventually(Duration.ofSeconds(15), () -> !problem.get().isEmpty()))
                    .as("a problem is reported").isTrue();
            assertThat(problem.get()).startsWith("Cannot check the steps: ").containsIgnoringCase("forbidden");
            assertThat(tracker.stepsDone()).isZero();
        }
    }
}

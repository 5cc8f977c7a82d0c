package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.ConfigMaps;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.testing.ApiServerMetrics;
import dev.wheelhouse.testing.LiveThreads;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import dev.wheelhouse.testing.ServiceAccountKubeconfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A list that RBAC forbids is retried with growing waits, not once a second, and says why it is empty. */
@Tag("cluster")
class ForbiddenWatchTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("forbidden-watch-test");
    /**
     * The API server counts no request that authorization turns away in apiserver_request_total, but every
     * request passes API Priority and Fairness first: a flow schema of our own, matching only this test's
     * ServiceAccount, counts exactly the requests it sends.
     */
    private static final String FLOW_SCHEMA = "wheelhouse-forbidden-watch-test";
    private static final String SERVICE_ACCOUNT = "sees-nothing";
    private static Path kubeconfig;

    @BeforeAll
    static void serviceAccountWithoutRights() throws Exception {
        kubeconfig = ServiceAccountKubeconfig.create(NS.name(), SERVICE_ACCOUNT);
        Sandbox.apply("""
                apiVersion: flowcontrol.apiserver.k8s.io/v1
                kind: FlowSchema
                metadata: {name: %s}
                spec:
                  matchingPrecedence: 500
                  priorityLevelConfiguration: {name: workload-low}
                  distinguisherMethod: {type: ByUser}
                  rules:
                  - subjects:
                    - kind: ServiceAccount
                      serviceAccount: {name: %s, namespace: %s}
                    resourceRules:
                    - {verbs: ["*"], apiGroups: ["*"], resources: ["*"], namespaces: ["*"]}
                """.formatted(FLOW_SCHEMA, SERVICE_ACCOUNT, NS.name()));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        Sandbox.kubectlResult("delete", "flowschema", FLOW_SCHEMA, "--ignore-not-found");
        Files.deleteIfExists(kubeconfig);
    }

    private static double requestsOfTheServiceAccount() {
        return ApiServerMetrics.sum("apiserver_flowcontrol_dispatched_requests_total", Map.of("flow_schema", FLOW_SCHEMA));
    }

    @Test
    void aForbiddenListIsRetriedAHandfulOfTimesNotEverySecondAndSaysSo() throws Exception {
        List<Batch> batches = new CopyOnWriteArrayList<>();
        Set<String> threadsBefore = LiveThreads.named("wheelhouse-watch");
        try (ClusterSession session = new ClusterService(List.of(kubeconfig)).connect(ServiceAccountKubeconfig.CONTEXT)) {
            double before = requestsOfTheServiceAccount();
            long start = System.nanoTime();
            try (AutoCloseable watch = session.watch(ConfigMaps.DESCRIPTOR.type(), NS.name(), batches::add)) {
                Thread.sleep(35_000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double requests = requestsOfTheServiceAccount() - before;

            assertThat(batches).isNotEmpty().allSatisfy(batch -> {
                assertThat(batch.problem()).isNotNull();
                assertThat(batch.problem().kind()).isEqualTo(Problem.Kind.FORBIDDEN);
                assertThat(batch.synced()).isFalse();
            });
            // Waits of up to 1, 2, 4, 8, 16 s, each a random part of that: about 6 lists in 35 s. A fixed
            // one-second retry sends one per second.
            assertThat(requests).as("list requests in %.0f s", seconds).isBetween(2.0, 12.0);
        }
        // Closed in the middle of a wait of up to 16 s or more: the watch's thread ends at once all the same.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (!threadsBefore.containsAll(LiveThreads.named("wheelhouse-watch")) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(threadsBefore.containsAll(LiveThreads.named("wheelhouse-watch")))
                .as("watch threads still running: %s", LiveThreads.stacks("wheelhouse-watch")).isTrue();
    }
}

package dev.wheelhouse.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.KubeObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each kind's cells on a real object match what {@code kubectl get -o wide} printed for the same
 * object on the sandbox (ages left out: they change). Adding a kind adds a fixture and a row here.
 */
class KindColumnsTest {
    private final KindRegistry registry = new KindRegistry();

    static Stream<Arguments> kubectlRows() {
        return Stream.of(
                Arguments.of("pod", "Ready=1/1, Status=Running, Restarts=0, IP=10.0.0.2, Node=node-000000", Health.GOOD),
                Arguments.of("pod-completed", "Ready=0/1, Status=Completed, Restarts=0, IP=10.0.2.3, Node=node-000002", Health.NEUTRAL),
                Arguments.of("deployment", "Ready=2/2, Up-to-date=2, Available=2", Health.GOOD),
                Arguments.of("replicaset", "Desired=2, Current=2, Ready=2", Health.GOOD),
                Arguments.of("statefulset", "Ready=2/2", Health.GOOD),
                Arguments.of("daemonset", "Desired=3, Current=3, Ready=3, Up-to-date=3, Available=3, Node selector=<none>", Health.GOOD),
                Arguments.of("job", "Status=Complete, Completions=1/1, Duration=1s", Health.NEUTRAL),
                Arguments.of("cronjob", "Schedule=0 2 * * *, Timezone=<none>, Suspend=False, Active=0, Last schedule=<none>", Health.GOOD),
                Arguments.of("service", "Type=ClusterIP, Cluster-IP=10.0.0.226, External-IP=<none>, Port(s)=80/TCP", Health.NEUTRAL),
                Arguments.of("ingress", "Class=<none>, Hosts=shop.dev.example, Address=, Ports=80", Health.NEUTRAL),
                Arguments.of("endpointslice", "AddressType=IPv4, Ports=80, Endpoints=10.0.1.2,10.0.0.2", Health.NEUTRAL),
                Arguments.of("networkpolicy", "Pod-Selector=app=backend", Health.NEUTRAL),
                Arguments.of("configmap", "Data=2", Health.NEUTRAL),
                Arguments.of("secret", "Type=Opaque, Data=2", Health.NEUTRAL),
                // Dumped before the controller first reported status: no current replicas yet.
                Arguments.of("horizontalpodautoscaler",
                        "Reference=Deployment/frontend-deployment, Targets=cpu: <unknown>/70%, MinPods=2, MaxPods=5, Replicas=0", null),
                Arguments.of("persistentvolumeclaim", "Status=Pending, Volume=, Capacity=, Access modes=, StorageClass=standard",
                        Health.PROGRESSING),
                Arguments.of("persistentvolume",
                        "Capacity=5Gi, Access modes=RWX, Reclaim policy=Retain, Status=Available, Claim=, StorageClass=standard", Health.GOOD),
                Arguments.of("storageclass", "Provisioner=wheelhouse.example/simulated, ReclaimPolicy=Delete, "
                        + "VolumeBindingMode=WaitForFirstConsumer, AllowVolumeExpansion=true", Health.NEUTRAL),
                Arguments.of("serviceaccount", "", Health.NEUTRAL),
                Arguments.of("role", "Created at=2026-11-26T01:32:59Z, Rules=1", Health.NEUTRAL),
                Arguments.of("rolebinding", "Role=Role/pod-reader, Subjects=ServiceAccount/reporter", Health.NEUTRAL),
                Arguments.of("node", "Status=Ready, Roles=agent, Version=kwok-0.8.0, Internal-IP=192.0.2.1", Health.GOOD),
                Arguments.of("namespace", "Status=Active", Health.GOOD));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kubectlRows")
    void cellsMatchKubectl(String fixture, String expected, Health health) {
        KubeObject object = Fixtures.load(fixture);
        KindDescriptor kind = registry.find(group(object), object.kind()).orElseThrow();

        Map<String, String> cells = new LinkedHashMap<>();
        for (Column column : kind.columns()) {
            if (!column.title().equals("Age")) {
                cells.put(column.title(), column.cell().apply(object));
            }
        }

        assertThat(String.join(", ", cells.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()))
                .isEqualTo(expected);
        if (health != null) {
            assertThat(kind.health().apply(object)).isEqualTo(health);
        }
    }

    @Test
    void eventsReadAsKubectlPrintsThem() {
        KubeObject event = Fixtures.load("event");
        KindDescriptor kind = registry.find("", "Event").orElseThrow();

        assertThat(kind.columns()).extracting(Column::title).containsExactly("Last seen", "Type", "Reason", "Object", "Message");
        assertThat(kind.columns().get(3).cell().apply(event)).startsWith("pod/");
        assertThat(kind.columns().get(2).cell().apply(event)).isEqualTo("Scheduled");
    }

    @Test
    void everyBuiltInKindHasAFixtureAndALearningTopic() {
        for (KindDescriptor kind : registry.builtIn()) {
            assertThat(Fixtures.class.getResource("/fixtures/" + kind.kind().toLowerCase() + ".json")).as(kind.kind()).isNotNull();
            assertThat(kind.learningTopic()).as(kind.kind()).isNotBlank();
        }
    }

    private static String group(KubeObject object) {
        String apiVersion = object.apiVersion();
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }
}

package dev.wheelhouse.service.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.builtin.Secrets;
import dev.wheelhouse.model.KubeObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each check over objects shaped as the API server sends them. */
class LabCheckTest {
    private final Map<LabCheck.Watched, List<KubeObject>> lists = new HashMap<>();
    private final LabCheck.LiveObjects live = list -> lists.getOrDefault(list, List.of());

    private void holding(LabCheck check, KubeObject... objects) {
        lists.put(check.watched().get(0), List.of(objects));
    }

    private static KubeObject object(String kind, String namespace, String name, Map<String, Object> more) {
        Map<String, Object> fields = new HashMap<>(more);
        Map<String, Object> metadata = new HashMap<>(Map.of("name", name, "uid", kind + "/" + name));
        if (!namespace.isEmpty()) {
            metadata.put("namespace", namespace);
        }
        if (more.get("metadata") instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> metadata.put((String) k, v));
        }
        fields.put("kind", kind);
        fields.put("metadata", metadata);
        return new KubeObject(fields);
    }

    private static KubeObject deployment(String name, long replicas, long ready, Map<String, Object> container) {
        return object("Deployment", "lab", name, Map.of(
                "spec", Map.of("replicas", replicas, "template", Map.of("spec", Map.of("containers", List.of(container)))),
                "status", Map.of("readyReplicas", ready)));
    }

    @Test
    void existsLooksForTheNameInTheNamespaceAndIgnoresAnObjectBeingDeleted() {
        LabCheck check = new LabCheck.Exists(Secrets.DESCRIPTOR, "mysecrets", "lab");
        holding(check, object("Secret", "lab", "other", Map.of()));
        assertThat(check.holds(live)).isFalse();
        holding(check, object("Secret", "lab", "mysecrets", Map.of()));
        assertThat(check.holds(live)).isTrue();
        holding(check, object("Secret", "lab", "mysecrets", Map.of("metadata", Map.of("deletionTimestamp", "2026-01-01T00:00:00Z"))));
        assertThat(check.holds(live)).isFalse();
    }

    @Test
    void aNamespaceIsWatchedClusterWide() {
        LabCheck check = new LabCheck.Exists(KindRegistry.NAMESPACE, "lab-dev", "");
        assertThat(check.watched()).containsExactly(new LabCheck.Watched(KindRegistry.NAMESPACE.type(), ""));
        holding(check, object("Namespace", "", "lab-dev", Map.of()));
        assertThat(check.holds(live)).isTrue();
        assertThat(check.renamed(ns -> ns + "-x").holds(live)).isFalse();
    }

    @Test
    void readyReplicasNeedsTheDesiredAndTheReadyCountToMatch() {
        LabCheck check = new LabCheck.ReadyReplicas("backend", "lab", 3);
        Map<String, Object> container = Map.of("name", "backend", "image", "b:1");
        holding(check, deployment("backend", 3, 2, container));
        assertThat(check.holds(live)).as("still starting").isFalse();
        holding(check, deployment("backend", 3, 3, container));
        assertThat(check.holds(live)).isTrue();
        holding(check, deployment("backend", 1, 3, container));
        assertThat(check.holds(live)).as("scaling down").isFalse();
        holding(check, deployment("frontend", 3, 3, container));
        assertThat(check.holds(live)).as("another Deployment").isFalse();
    }

    @Test
    void replicaSetsCountOnlyThoseTheDeploymentOwns() {
        LabCheck check = new LabCheck.ReplicaSetCount("backend", "lab", 2);
        KubeObject first = object("ReplicaSet", "lab", "backend-1", Map.of("metadata",
                Map.of("ownerReferences", List.of(Map.of("kind", "Deployment", "name", "backend")))));
        KubeObject second = object("ReplicaSet", "lab", "backend-2", Map.of("metadata",
                Map.of("ownerReferences", List.of(Map.of("kind", "Deployment", "name", "backend")))));
        KubeObject foreign = object("ReplicaSet", "lab", "frontend-1", Map.of("metadata",
                Map.of("ownerReferences", List.of(Map.of("kind", "Deployment", "name", "frontend")))));
        holding(check, first, foreign);
        assertThat(check.holds(live)).isFalse();
        holding(check, first, second, foreign);
        assertThat(check.holds(live)).isTrue();
    }

    @Test
    void imageMatchesAnyContainerOfTheTemplate() {
        LabCheck check = new LabCheck.Image("backend", "lab", "wheelhouse/backend:2.0");
        holding(check, deployment("backend", 2, 2, Map.of("name", "backend", "image", "wheelhouse/backend:1.0")));
        assertThat(check.holds(live)).isFalse();
        holding(check, deployment("backend", 2, 0, Map.of("name", "backend", "image", "wheelhouse/backend:2.0")));
        assertThat(check.holds(live)).isTrue();
    }

    @Test
    void aSecretIsUsedThroughEnvOrEnvFrom() {
        LabCheck check = new LabCheck.UsesSecret("backend", "lab", "mysecrets");
        holding(check, deployment("backend", 2, 2, Map.of("name", "backend", "env", List.of(Map.of("name", "A", "value", "x")))));
        assertThat(check.holds(live)).isFalse();
        holding(check, deployment("backend", 2, 2, Map.of("name", "backend", "env", List.of(Map.of("name", "DB_USER",
                "valueFrom", Map.of("secretKeyRef", Map.of("name", "mysecrets", "key", "DB_USER")))))));
        assertThat(check.holds(live)).isTrue();
        holding(check, deployment("backend", 2, 2, Map.of("name", "backend", "envFrom", List.of(Map.of("secretRef", Map.of("name", "mysecrets"))))));
        assertThat(check.holds(live)).isTrue();
    }

    @Test
    void serviceTypeReadsSpecType() {
        LabCheck check = new LabCheck.ServiceType("frontend-service", "lab", "NodePort");
        holding(check, object("Service", "lab", "frontend-service", Map.of("spec", Map.of("type", "ClusterIP"))));
        assertThat(check.holds(live)).isFalse();
        holding(check, object("Service", "lab", "frontend-service", Map.of("spec", Map.of("type", "NodePort"))));
        assertThat(check.holds(live)).isTrue();
    }

    @Test
    void anAutoscalerMustTargetTheDeployment() {
        LabCheck check = new LabCheck.Autoscales("backend", "lab");
        holding(check, object("HorizontalPodAutoscaler", "lab", "x", Map.of("spec",
                Map.of("scaleTargetRef", Map.of("kind", "StatefulSet", "name", "backend")))));
        assertThat(check.holds(live)).isFalse();
        holding(check, object("HorizontalPodAutoscaler", "lab", "x", Map.of("spec",
                Map.of("scaleTargetRef", Map.of("kind", "Deployment", "name", "backend")))));
        assertThat(check.holds(live)).isTrue();
    }
}

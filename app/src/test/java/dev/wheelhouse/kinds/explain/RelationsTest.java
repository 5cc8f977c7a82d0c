package dev.wheelhouse.kinds.explain;

import static dev.wheelhouse.kinds.explain.LearningFixtures.items;
import static dev.wheelhouse.kinds.explain.LearningFixtures.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Relations in words, on objects captured from the sandbox. */
class RelationsTest {
    private static final List<KubeObject> PODS = items("pods-frontend");
    private static final List<KubeObject> REPLICA_SETS = items("replicasets-frontend");
    private static final KubeObject SERVICE = object("service-frontend");

    @Test
    void aServiceNamesThePodsItsSelectorMatches() {
        List<String> names = PODS.stream().map(KubeObject::name).sorted().toList();
        List<KubeObject> podsAndAStranger = new java.util.ArrayList<>(PODS);
        podsAndAStranger.add(object("pod-nowhere-to-run"));

        List<String> sentences = Relations.of(SERVICE, new Related(Map.of("Pod", podsAndAStranger)));

        assertThat(sentences).containsExactly("This Service sends traffic to 2 Pods because their label app=frontend matches its selector: "
                + names.get(0) + ", " + names.get(1) + ".");
        assertThat(Relations.needs(SERVICE)).containsExactly(new Related.Need("Pod", "learnfix", ListSelector.labels("app=frontend")));
    }

    @Test
    void aServiceWhoseSelectorMatchesNothingSaysSo() {
        assertThat(Relations.of(SERVICE, new Related(Map.of("Pod", List.of()))))
                .containsExactly("This Service's selector app=frontend matches no Pod, so it has nowhere to send traffic: "
                        + "compare it with the labels of the Pods you expected.");
    }

    @Test
    void aPodNamesItsReplicaSetAndTheDeploymentThatManagesIt() {
        KubeObject pod = PODS.get(0);
        String replicaSet = REPLICA_SETS.get(0).name();

        List<String> sentences = Relations.of(pod, new Related(Map.of("ReplicaSet", REPLICA_SETS, "Service", List.of(SERVICE))));

        assertThat(sentences).containsExactly(
                "This Pod is owned by ReplicaSet " + replicaSet + ", which Deployment frontend manages.",
                "It runs on node " + pod.string("spec.nodeName") + ".",
                "Service frontend sends it traffic: its selector app=frontend matches this Pod's labels.",
                "It reads ConfigMap frontend-config (as environment variables) and Secret backend-password (as environment variables).");
        assertThat(Relations.needs(pod)).containsExactly(
                new Related.Need("ReplicaSet", "learnfix", ListSelector.fields("metadata.name=" + replicaSet)),
                new Related.Need("Service", "learnfix", ListSelector.ALL));
    }

    @Test
    void beforeTheOwnerIsReadThePodNamesOnlyItsOwner() {
        assertThat(Relations.of(PODS.get(0), new Related(Map.of())).get(0))
                .isEqualTo("This Pod is owned by ReplicaSet " + REPLICA_SETS.get(0).name() + ".");
        assertThat(Relations.of(object("pod-nowhere-to-run"), new Related(Map.of()))).startsWith(
                "No controller owns this Pod: if it is deleted, nothing makes a new one.",
                "It has no node yet: the scheduler has not placed it.");
    }

    @Test
    void aConfigMapAndASecretNameThePodsThatUseThem() {
        List<String> names = PODS.stream().map(KubeObject::name).sorted().toList();
        Related pods = new Related(Map.of("Pod", PODS));

        assertThat(Relations.of(object("configmap-frontend-config"), pods)).containsExactly("2 Pods use this ConfigMap: "
                + names.get(0) + " (as environment variables), " + names.get(1) + " (as environment variables).");
        assertThat(Relations.of(object("secret-backend-password"), new Related(Map.of("Pod", List.of()))))
                .containsExactly("No Pod in namespace learnfix uses this Secret now.");
    }

    @Test
    void aDeploymentNamesItsReplicaSetAndItsAutoscaler() {
        KubeObject replicaSet = REPLICA_SETS.get(0);

        List<String> sentences = Relations.of(object("deployment-frontend"),
                new Related(Map.of("ReplicaSet", REPLICA_SETS, "HorizontalPodAutoscaler", List.of(object("hpa-frontend")))));

        assertThat(sentences).containsExactly(
                "It manages ReplicaSet " + replicaSet.name() + ", which keeps 2 Pods (2 ready).",
                "HorizontalPodAutoscaler frontend sets its replicas, between 2 and 5.");
    }

    @Test
    void anAutoscalerNamesItsTargetAndSaysWhenItIsMissing() {
        KubeObject hpa = object("hpa-frontend");
        String scales = "This HorizontalPodAutoscaler scales Deployment frontend between 2 and 5 replicas, "
                + "aiming at 70% average CPU use of their requests.";

        assertThat(Relations.of(hpa, new Related(Map.of("Deployment", List.of(object("deployment-frontend")))))).containsExactly(scales);
        assertThat(Relations.of(hpa, new Related(Map.of("Deployment", List.of()))))
                .containsExactly(scales, "Its target Deployment frontend does not exist, so it has nothing to scale.");
        assertThat(Relations.needs(hpa)).containsExactly(new Related.Need("Deployment", "learnfix", ListSelector.fields("metadata.name=frontend")));
    }

    @Test
    void aDeploymentScaledToZeroSaysSoAndDoesNotCallItsCurrentReplicaSetOld() {
        KubeObject deployment = json("""
                {"kind": "Deployment", "metadata": {"name": "web", "namespace": "n", "uid": "d1",
                  "annotations": {"deployment.kubernetes.io/revision": "2"}}, "spec": {"replicas": 0}}""");
        KubeObject current = json("""
                {"kind": "ReplicaSet", "metadata": {"name": "web-new", "annotations": {"deployment.kubernetes.io/revision": "2"},
                  "ownerReferences": [{"kind": "Deployment", "name": "web", "uid": "d1", "controller": true}]}, "spec": {"replicas": 0}}""");
        KubeObject old = json("""
                {"kind": "ReplicaSet", "metadata": {"name": "web-old", "annotations": {"deployment.kubernetes.io/revision": "1"},
                  "ownerReferences": [{"kind": "Deployment", "name": "web", "uid": "d1", "controller": true}]}, "spec": {"replicas": 0}}""");

        List<String> sentences = Relations.of(deployment, new Related(Map.of("ReplicaSet", List.of(old, current))));

        assertThat(sentences).containsExactly(
                "It is scaled to 0: its ReplicaSet web-new keeps no Pods until replicas is raised.",
                "Older ReplicaSet web-old is kept at 0 Pods, so a rollback can return to it quickly.");
    }

    private static KubeObject json(String text) {
        return dev.wheelhouse.kube.JsonMaps.toObject(com.google.gson.JsonParser.parseString(text).getAsJsonObject());
    }
}

package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.wheelhouse.kube.JsonMaps;
import dev.wheelhouse.model.KubeObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardPodsTest {

    @Test
    void aNamedTargetPortIsTheContainerPortTheEndpointSliceFoundForThatName() {
        KubeObject service = object("""
                {"kind": "Service", "spec": {"ports": [
                  {"name": "metrics", "port": 9090, "targetPort": 9090},
                  {"name": "web", "port": 80, "targetPort": "http"}]}}""");
        KubeObject slice = slice("""
                [{"name": "web", "port": 8080}, {"name": "metrics", "port": 9090}]""",
                endpoint("web-b", true), endpoint("web-a", true));

        assertThat(ForwardPods.behindService(service, 80, List.of(slice)))
                .containsExactly(new PodPort("web-a", 8080), new PodPort("web-b", 8080));
        assertThat(ForwardPods.behindService(service, 9090, List.of(slice))).extracting(PodPort::port).containsOnly(9090);
    }

    @Test
    void podsWhoseContainersNumberANamedPortDifferentlyComeFromTheirOwnSlices() {
        KubeObject service = object("""
                {"spec": {"ports": [{"name": "web", "port": 80, "targetPort": "http"}]}}""");
        KubeObject old = slice("[{\"name\": \"web\", \"port\": 8080}]", endpoint("old-1", true));
        KubeObject upgraded = slice("[{\"name\": \"web\", \"port\": 9000}]", endpoint("new-1", true));

        assertThat(ForwardPods.behindService(service, 80, List.of(old, upgraded)))
                .containsExactly(new PodPort("new-1", 9000), new PodPort("old-1", 8080));
    }

    @Test
    void onlyReadyEndpointsThatArePodsCountAndAMissingConditionMeansReady() {
        KubeObject service = object("""
                {"spec": {"ports": [{"port": 80, "targetPort": 8080}]}}""");
        KubeObject slice = slice("[{\"port\": 8080}]",
                endpoint("ready", true), endpoint("terminating", false),
                "{\"addresses\": [\"10.0.0.9\"], \"targetRef\": {\"kind\": \"Pod\", \"name\": \"no-conditions\"}}",
                "{\"addresses\": [\"10.0.0.8\"], \"conditions\": {\"ready\": true}}");

        assertThat(ForwardPods.behindService(service, 80, List.of(slice)))
                .containsExactly(new PodPort("no-conditions", 8080), new PodPort("ready", 8080));
    }

    @Test
    void aServiceWithNoPodsToReachIsAProblemNotAWait() {
        KubeObject external = object("""
                {"kind": "Service", "metadata": {"name": "db"}, "spec": {"type": "ExternalName", "externalName": "db.example.com"}}""");
        assertThat(ForwardPods.serviceProblem(external, 5432, List.of())).contains(
                "Service db is an ExternalName (db.example.com): it has no pods to forward to; forward to the real server instead.");

        KubeObject byHand = object("""
                {"kind": "Service", "metadata": {"name": "legacy"}, "spec": {"ports": [{"port": 80}]}}""");
        KubeObject ipOnly = slice("[{\"port\": 80}]", "{\"addresses\": [\"10.0.0.8\"]}");
        assertThat(ForwardPods.serviceProblem(byHand, 80, List.of(ipOnly))).contains(
                "Service legacy has no selector and its endpoints, managed by hand, name no pod: there is no pod to forward to.");
        // Endpoints by hand that do name a ready pod are forwarded to.
        assertThat(ForwardPods.serviceProblem(byHand, 80, List.of(slice("[{\"port\": 80}]", endpoint("a", true))))).isEmpty();

        KubeObject selecting = object("""
                {"kind": "Service", "metadata": {"name": "web"}, "spec": {"selector": {"app": "web"}, "ports": [{"port": 80}]}}""");
        assertThat(ForwardPods.serviceProblem(selecting, 443, List.of())).contains("Service web has no port 443 (its ports: 80).");
        // A selector that matches no pod (yet) is a wait, not a problem.
        assertThat(ForwardPods.serviceProblem(selecting, 80, List.of())).isEmpty();
    }

    @Test
    void aPortTheServiceDoesNotHaveHasNoPods() {
        KubeObject service = object("{\"spec\": {\"ports\": [{\"port\": 80}]}}");
        assertThat(ForwardPods.behindService(service, 443, List.of(slice("[{\"port\": 80}]", endpoint("a", true))))).isEmpty();
        // Without targetPort, the Service's own port is the Pod's.
        assertThat(ForwardPods.behindService(service, 80, List.of(slice("[{\"port\": 80}]", endpoint("a", true)))))
                .containsExactly(new PodPort("a", 80));
    }

    @Test
    void aPodIsReadyWhenRunningWithItsReadyConditionTrueAndNotBeingDeleted() {
        KubeObject ready = pod("p", "Running", "True", false);
        assertThat(ForwardPods.isReady(ready)).isTrue();
        assertThat(ForwardPods.isReady(pod("p", "Running", "False", false))).isFalse();
        assertThat(ForwardPods.isReady(pod("p", "Pending", "True", false))).isFalse();
        assertThat(ForwardPods.isReady(pod("p", "Running", "True", true))).isFalse();
        assertThat(ForwardPods.readyPods(List.of(pod("b", "Running", "True", false), pod("a", "Running", "True", false),
                pod("c", "Running", "False", false)), 8080)).containsExactly(new PodPort("a", 8080), new PodPort("b", 8080));
    }

    @Test
    void theCurrentPodIsKeptWhileItIsACandidateElseTheFirstIsTaken() {
        List<PodPort> candidates = List.of(new PodPort("a", 80), new PodPort("b", 80));
        assertThat(ForwardPods.choose(new PodPort("b", 80), candidates)).contains(new PodPort("b", 80));
        assertThat(ForwardPods.choose(new PodPort("gone", 80), candidates)).contains(new PodPort("a", 80));
        assertThat(ForwardPods.choose(null, candidates)).contains(new PodPort("a", 80));
        assertThat(ForwardPods.choose(new PodPort("a", 80), List.of())).isEmpty();
    }

    private static KubeObject object(String json) {
        return JsonMaps.toObject(JsonParser.parseString(json).getAsJsonObject());
    }

    private static KubeObject slice(String ports, String... endpoints) {
        return object("{\"kind\": \"EndpointSlice\", \"ports\": " + ports + ", \"endpoints\": [" + String.join(",", endpoints) + "]}");
    }

    private static String endpoint(String pod, boolean ready) {
        return "{\"addresses\": [\"10.0.0.1\"], \"conditions\": {\"ready\": " + ready + "}, "
                + "\"targetRef\": {\"kind\": \"Pod\", \"name\": \"" + pod + "\"}}";
    }

    private static KubeObject pod(String name, String phase, String ready, boolean deleting) {
        return object("{\"kind\": \"Pod\", \"metadata\": {\"name\": \"" + name + "\""
                + (deleting ? ", \"deletionTimestamp\": \"2026-01-01T00:00:00Z\"" : "") + "}, \"status\": {\"phase\": \"" + phase
                + "\", \"conditions\": [{\"type\": \"Ready\", \"status\": \"" + ready + "\"}]}}");
    }
}

package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import dev.wheelhouse.kube.JsonMaps;
import dev.wheelhouse.model.KubeObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForwardablePortsTest {

    @Test
    void everyTcpContainerPortOfAPodIsForwardableToThatPod() {
        KubeObject pod = object("""
                {"kind": "Pod", "metadata": {"name": "web-1", "namespace": "dev"}, "spec": {"containers": [
                  {"name": "web", "ports": [{"name": "http", "containerPort": 8080}, {"containerPort": 53, "protocol": "UDP"}]},
                  {"name": "sidecar", "ports": [{"containerPort": 9090}]}]}}""");

        assertThat(ForwardablePorts.of(pod)).containsExactly(
                new ForwardablePorts.Port("web 8080/TCP (http)", ForwardTarget.pod("dev", "web-1", 8080)),
                new ForwardablePorts.Port("sidecar 9090/TCP", ForwardTarget.pod("dev", "web-1", 9090)));
    }

    @Test
    void aServiceForwardsItsOwnPortsAndSaysWhereEachGoes() {
        KubeObject service = object("""
                {"kind": "Service", "metadata": {"name": "web", "namespace": "dev"}, "spec": {"ports": [
                  {"name": "web", "port": 80, "targetPort": "http", "protocol": "TCP"}, {"port": 9090}]}}""");

        assertThat(ForwardablePorts.of(service)).containsExactly(
                new ForwardablePorts.Port("web 80 → http/TCP", ForwardTarget.service("dev", "web", 80)),
                new ForwardablePorts.Port("9090/TCP", ForwardTarget.service("dev", "web", 9090)));
    }

    @Test
    void aDeploymentForwardsItsTemplatesPortsToPodsOfItsSelector() {
        KubeObject deployment = object("""
                {"kind": "Deployment", "metadata": {"name": "web", "namespace": "dev"}, "spec": {
                  "selector": {"matchLabels": {"app": "web", "tier": "front"}},
                  "template": {"spec": {"containers": [{"name": "web", "ports": [{"containerPort": 8080}]}]}}}}""");

        ForwardTarget target = ForwardablePorts.of(deployment).get(0).target();
        assertThat(target).isEqualTo(ForwardTarget.workload("Deployment", "dev", "web", 8080, Map.of("app", "web", "tier", "front")));
        assertThat(target.labelSelector()).isEqualTo("app=web,tier=front");
        assertThat(target.pinned()).isFalse();
    }

    @Test
    void aTableRowWithoutItsSpecAndOtherKindsHaveNoPorts() {
        assertThat(ForwardablePorts.of(object("{\"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}}"))).isEmpty();
        assertThat(ForwardablePorts.of(object("{\"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"c\"}}"))).isEmpty();
        assertThat(ForwardablePorts.kindForwards("StatefulSet")).isTrue();
        assertThat(ForwardablePorts.kindForwards("ConfigMap")).isFalse();
    }

    private static KubeObject object(String json) {
        return JsonMaps.toObject(JsonParser.parseString(json).getAsJsonObject());
    }
}

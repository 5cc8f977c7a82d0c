package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.KubeObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LogSelectorsTest {
    @Test
    void aDeploymentsMatchLabelsAndExpressionsBecomeKubectlsSelector() {
        KubeObject deployment = new KubeObject(Map.of("kind", "Deployment", "spec", Map.of("selector", Map.of(
                "matchLabels", Map.of("app", "web"),
                "matchExpressions", List.of(
                        Map.of("key", "tier", "operator", "In", "values", List.of("front", "edge")),
                        Map.of("key", "canary", "operator", "DoesNotExist"))))));
        assertThat(LogSelectors.of(deployment)).isEqualTo("app=web,tier in (front,edge),!canary");
    }

    @Test
    void aServicesSelectorIsAPlainMapAndMayBeMissing() {
        assertThat(LogSelectors.of(new KubeObject(Map.of("kind", "Service", "spec", Map.of("selector", Map.of("app", "db"))))))
                .isEqualTo("app=db");
        assertThat(LogSelectors.of(new KubeObject(Map.of("kind", "Service", "spec", Map.of())))).isEmpty();
    }
}

package dev.wheelhouse.ui.details;

import static dev.wheelhouse.testing.Sandbox.eventually;
import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.ObjectDetails;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.kinds.builtin.Services;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the details pane lists beside the object, as the server selects it: a Service's Pods (its
 * selector) and an object's own Events, equal to what kubectl finds with the same selectors.
 */
@Tag("cluster")
class DetailsViewModelTest {
    /** Batches are applied on the batch thread itself; the test reads after they settle. */
    private final DetailsViewModel details = new DetailsViewModel(new BackgroundTasks(Runnable::run, Runnable::run));

    private static KubeObject object(String namespace, String kind, String name) {
        String uid = kubectl("-n", namespace, "get", kind, name, "-o", "jsonpath={.metadata.uid}");
        Map<String, Object> selector = Map.of();
        if (kind.equals("service")) {
            selector = Arrays.stream(kubectl("-n", namespace, "get", kind, name, "-o",
                            "go-template={{range $k, $v := .spec.selector}}{{$k}}={{$v}} {{end}}").trim().split(" "))
                    .map(pair -> pair.split("=", 2)).collect(Collectors.toMap(p -> p[0], p -> p[1]));
        }
        return new KubeObject(Map.of("kind", kind.equals("service") ? "Service" : "Pod",
                "metadata", Map.of("uid", uid, "name", name, "namespace", namespace), "spec", Map.of("selector", selector)));
    }

    private static Set<String> names(String jsonpathOutput) {
        return Arrays.stream(jsonpathOutput.trim().split(" ")).filter(name -> !name.isBlank()).collect(Collectors.toSet());
    }

    @Test
    void aServiceListsThePodsItsSelectorPicksAndAPodItsOwnEvents() throws Exception {
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            details.activate();
            details.show(session, Services.DESCRIPTOR, object("dev", "service", "frontend-service"));
            Set<String> selected = names(kubectl("-n", "dev", "get", "pods", "-l", "app=frontend", "-o",
                    "jsonpath={.items[*].metadata.name}"));
            assertThat(selected).isNotEmpty();
            assertThat(eventually(Duration.ofSeconds(20), () -> details.selectedPods().stream()
                    .map(ObjectDetails.Link::name).collect(Collectors.toSet()).equals(selected)))
                    .as("selected %s, kubectl %s", details.selectedPods(), selected).isTrue();

            String pod = selected.iterator().next();
            KubeObject shown = object("dev", "pod", pod);
            // Events live an hour: on a sandbox older than that the Pod's own may be gone, so it gets one of the test's.
            Sandbox.apply("""
                    apiVersion: v1
                    kind: Event
                    metadata: {name: details-test-event, namespace: dev}
                    involvedObject: {kind: Pod, namespace: dev, name: %s, uid: %s}
                    reason: Tested
                    message: an Event of DetailsViewModelTest
                    type: Normal
                    """.formatted(pod, shown.uid()));
            details.show(session, Pods.DESCRIPTOR, shown);
            Set<String> own = names(kubectl("-n", "dev", "get", "events", "--field-selector",
                    "involvedObject.uid=" + shown.uid(), "-o", "jsonpath={.items[*].metadata.name}"));
            assertThat(own).isNotEmpty();
            assertThat(eventually(Duration.ofSeconds(20), () -> details.events().stream()
                    .map(KubeObject::name).collect(Collectors.toSet()).equals(own)))
                    .as("events %s, kubectl %s", details.events().stream().map(KubeObject::name).toList(), own).isTrue();
            assertThat(details.events()).allMatch(event -> shown.uid().equals(event.string("involvedObject.uid")));
            details.deactivate();
        } finally {
            Sandbox.kubectlResult("-n", "dev", "delete", "event", "details-test-event", "--ignore-not-found");
        }
    }
}

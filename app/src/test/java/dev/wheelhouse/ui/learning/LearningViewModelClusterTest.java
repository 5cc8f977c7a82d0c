package dev.wheelhouse.ui.learning;

import static dev.wheelhouse.testing.Sandbox.eventually;
import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.kinds.builtin.Services;
import dev.wheelhouse.kinds.explain.Explanation;
import dev.wheelhouse.kinds.explain.ObjectInWords;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Workspace.Place;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "This object, in words" on live objects of the sandbox, watched as the panel watches them: a Pod no node can take,
 * a Service and the Pods it selects, a Pod whose container keeps crashing.
 */
@Tag("cluster")
class LearningViewModelClusterTest {
    @RegisterExtension
    static final SandboxNamespace NAMESPACE = new SandboxNamespace("learning-test");
    private static final String NS = NAMESPACE.name();

    private ClusterSession session;
    private LearningViewModel model;

    @BeforeEach
    void connect() throws Exception {
        session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
        // Batches are applied on the batch thread itself; the test reads after they settle.
        model = new LearningViewModel(new BackgroundTasks(Runnable::run, Runnable::run), path -> Optional.empty(), new KindRegistry(),
                () -> session, Clock.systemUTC());
        model.activate();
    }

    @AfterEach
    void close() {
        model.deactivate();
        session.close();
    }

    /** An object as a table row would hand it over: only who it is; the panel reads the rest itself. */
    private static KubeObject named(String kind, String name) {
        String uid = kubectl("-n", NS, "get", kind, name, "-o", "jsonpath={.metadata.uid}");
        return new KubeObject(Map.of("kind", kind, "metadata", Map.of("uid", uid, "name", name, "namespace", NS)));
    }

    private boolean says(java.util.function.Predicate<ObjectInWords> test) {
        ObjectInWords words = model.inWordsProperty().get();
        return words != null && test.test(words);
    }

    @Test
    void aPodWhoseNodeSelectorNoNodeMatchesIsExplainedWithTheSchedulersReason() throws Exception {
        Sandbox.apply("""
                apiVersion: v1
                kind: Pod
                metadata: {name: nowhere, namespace: %s}
                spec:
                  nodeSelector: {disktype: ssd}
                  containers: [{name: app, image: nginx:1.27}]
                """.formatted(NS));

        model.follow(new Place(NS, Pods.DESCRIPTOR, named("Pod", "nowhere")));

        assertThat(eventually(Duration.ofSeconds(30), () -> says(w -> w.status().stream()
                .anyMatch(e -> e.cause().contains("FailedScheduling: ") && e.cause().contains("didn't match Pod's node affinity/selector")))))
                .as("%s", model.inWordsProperty().get()).isTrue();
        Explanation pending = model.inWordsProperty().get().status().get(0);
        assertThat(pending.title()).isEqualTo("Pending: no node can take it");
        assertThat(pending.whatToDo()).anyMatch(step -> step.contains("nodeSelector asks for (disktype=ssd)"));
        assertThat(model.entryProperty().get()).isEqualTo("kinds/pod.md");
    }

    @Test
    void aServicesRelationNamesThePodsItsSelectorPicks() throws Exception {
        kubectl("-n", NS, "create", "deployment", "shop", "--image=nginx:1.27", "--replicas=2");
        kubectl("-n", NS, "expose", "deployment", "shop", "--port=80");
        assertThat(eventually(Duration.ofSeconds(30), () -> kubectl("-n", NS, "get", "pods", "-l", "app=shop", "-o",
                "jsonpath={.items[*].metadata.name}").trim().split(" ").length == 2)).isTrue();
        List<String> pods = Arrays.stream(kubectl("-n", NS, "get", "pods", "-l", "app=shop", "-o",
                "jsonpath={.items[*].metadata.name}").trim().split(" ")).sorted().toList();

        model.follow(new Place(NS, Services.DESCRIPTOR, named("Service", "shop")));

        String expected = "This Service sends traffic to 2 Pods because their label app=shop matches its selector: "
                + String.join(", ", pods) + ".";
        assertThat(eventually(Duration.ofSeconds(30), () -> says(w -> w.relations().contains(expected))))
                .as("%s", model.inWordsProperty().get()).isTrue();

        // A Pod deleted leaves the sentence when the server says so (its replacement takes its place).
        kubectl("-n", NS, "delete", "pod", pods.get(0), "--wait=false");
        assertThat(eventually(Duration.ofSeconds(30), () -> says(w -> w.relations().get(0).startsWith("This Service sends traffic to")
                && !w.relations().get(0).contains(pods.get(0))))).as("%s", model.inWordsProperty().get()).isTrue();

        model.deactivate();
        assertThat(model.openWatches()).isZero();
        model.activate();
    }

    /** Needs the sandbox's failure stages (label wheelhouse.dev/simulate: crashloop), from the sandbox-life branch. */
    @Test
    void aPodWhoseContainerKeepsFailingShowsTheCrashLoopExplanation() throws Exception {
        Sandbox.apply("""
                apiVersion: v1
                kind: Pod
                metadata: {name: crasher, namespace: %s, labels: {wheelhouse.dev/simulate: crashloop}}
                spec:
                  containers: [{name: app, image: nginx:1.27}]
                """.formatted(NS));

        model.follow(new Place(NS, Pods.DESCRIPTOR, named("Pod", "crasher")));

        assertThat(eventually(Duration.ofSeconds(60), () -> says(w -> w.status().stream()
                .anyMatch(e -> e.title().equals("CrashLoopBackOff: container app keeps crashing")))))
                .as("%s", model.inWordsProperty().get()).isTrue();
        Explanation crash = model.inWordsProperty().get().status().stream().filter(e -> e.title().startsWith("CrashLoopBackOff")).findFirst()
                .orElseThrow();
        assertThat(crash.cause()).contains("(last exit code ");
        assertThat(crash.commands()).contains("kubectl logs crasher -c app -n " + NS + " --previous");
    }
}

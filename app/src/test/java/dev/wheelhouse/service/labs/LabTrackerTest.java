package dev.wheelhouse.service.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.testing.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks labs on the sandbox the way a student does, with the step's own kubectl commands: each step ticks off
 * (from watches) once its commands have run, never before; reset then deletes what the lab made.
 */
@Tag("cluster")
class LabTrackerTest {
    /** This run's own namespaces, so a user's attempt at a lab in the same sandbox is left alone. */
    private static final String SUFFIX = "-t" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    private final ClusterService clusters = new ClusterService(List.of(Sandbox.kubeconfig()));
    private final List<String> made = new ArrayList<>();

    static Stream<String> walkedLabs() {
        // Every lab: its commands must work as written on the sandbox's kubectl and reach its checks.
        return LabLoader.builtIn().stream().map(Lab::id);
    }

    @AfterEach
    void deleteLeftovers() {
        made.forEach(ns -> Sandbox.kubectlResult("delete", "namespace", ns, "--ignore-not-found", "--wait=false"));
    }

    @ParameterizedTest
    @MethodSource("walkedLabs")
    void eachStepTicksOffWhenItsCommandsHaveRunAndResetRemovesWhatTheLabMade(String id) throws Exception {
        Lab lab = LabLoader.builtIn().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow()
                .inNamespaces(ns -> ns + SUFFIX);
        made.addAll(lab.namespaces());
        List<Integer> reported = new CopyOnWriteArrayList<>();
        try (ClusterSession session = clusters.connect(Sandbox.CONTEXT);
             LabTracker tracker = LabTracker.start(session, lab, 0, reported::add, problem -> { })) {
            for (int i = 0; i < lab.steps().size(); i++) {
                LabStep step = lab.steps().get(i);
                // Nothing ticks ahead of the student: this step waits for its own commands.
                Thread.sleep(300);
                assertThat(tracker.stepsDone()).as("%s before step %d", id, i + 1).isEqualTo(i);
                for (String command : step.commands()) {
                    if (!command.contains(" -w")) {
                        Sandbox.kubectl(arguments(command));
                    }
                }
                int expected = i + 1;
                assertThat(Sandbox.eventually(Duration.ofSeconds(60), () -> tracker.stepsDone() >= expected))
                        .as("%s step %d (%s) ticked off", id, expected, step.checks()).isTrue();
            }
            assertThat(reported).containsExactlyElementsOf(countingUpTo(lab.steps().size()));

            String said = LabReset.reset(session, lab);
            assertThat(said).contains(lab.namespaces().get(0));
            for (String namespace : lab.namespaces()) {
                assertThat(Sandbox.eventually(Duration.ofSeconds(120),
                        () -> Sandbox.kubectlResult("get", "namespace", namespace).exitCode() != 0))
                        .as("namespace %s deleted", namespace).isTrue();
            }
            assertThat(LabReset.reset(session, lab)).startsWith("Nothing to delete");
        }
    }

    @Test
    void aNamespaceBeingDeletedDoesNotCountAsMade() throws Exception {
        Lab lab = LabLoader.builtIn().get(0).inNamespaces(ns -> ns + SUFFIX + "r");
        String first = lab.namespaces().get(0);
        made.add(first);
        Sandbox.kubectl("create", "namespace", first);
        // A finalizer nobody removes holds the namespace in Terminating, as a reset leaves it for a while.
        Sandbox.apply("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: holder, namespace: %s, finalizers: [wheelhouse.dev/test-hold]}
                """.formatted(first));
        Sandbox.kubectl("delete", "namespace", first, "--wait=false");
        try (ClusterSession session = clusters.connect(Sandbox.CONTEXT);
             LabTracker tracker = LabTracker.start(session, lab, 0, done -> { }, problem -> { })) {
            Thread.sleep(1500);
            assertThat(Sandbox.kubectl("get", "namespace", first, "-o", "jsonpath={.status.phase}")).isEqualTo("Terminating");
            assertThat(tracker.stepsDone()).isZero();
        } finally {
            Sandbox.kubectl("-n", first, "patch", "configmap", "holder", "--type=merge", "-p", "{\"metadata\":{\"finalizers\":null}}");
        }
    }

    private static String[] arguments(String command) {
        String[] words = command.split(" ");
        assertThat(words[0]).isEqualTo("kubectl");
        return Arrays.copyOfRange(words, 1, words.length);
    }

    private static List<Integer> countingUpTo(int last) {
        List<Integer> counts = new ArrayList<>();
        for (int i = 1; i <= last; i++) {
            counts.add(i);
        }
        return counts;
    }
}

package dev.wheelhouse.kinds.explain;

import static dev.wheelhouse.kinds.explain.LearningFixtures.items;
import static dev.wheelhouse.kinds.explain.LearningFixtures.object;
import static dev.wheelhouse.kinds.explain.LearningFixtures.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.KubeObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Status causes and what to do, on objects captured from the sandbox (and statuses the kubelet reports). */
class StatusCausesTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:05:00Z");
    private static final KubeObject RUNNING = items("pods-frontend").get(0);

    @Test
    void aRunningReadyPodHasNothingToExplain() {
        assertThat(StatusCauses.of(RUNNING, List.of(), NOW)).isEmpty();
        assertThat(StatusCauses.of(object("deployment-frontend"), List.of(), NOW)).isEmpty();
    }

    @Test
    void aPodNoNodeMatchesIsExplainedFromTheSchedulersEvent() {
        List<Explanation> found = StatusCauses.of(object("pod-nowhere-to-run"), items("events-nowhere-to-run"), NOW);

        assertThat(found).hasSize(1);
        Explanation pending = found.get(0);
        assertThat(pending.title()).isEqualTo("Pending: no node can take it");
        assertThat(pending.cause()).isEqualTo("The scheduler found no node for this Pod, so it waits and tries again. FailedScheduling: "
                + "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, "
                + "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
        assertThat(pending.whatToDo()).containsExactly("No node has the labels its nodeSelector asks for (disktype=ssd): "
                + "fix the nodeSelector, or label a node that should run it.");
        assertThat(pending.commands()).containsExactly("kubectl get nodes --show-labels", "kubectl label node <node> disktype=ssd",
                "kubectl describe pod nowhere-to-run -n learnfix");
    }

    @Test
    void withoutItsEventsThePendingPodIsExplainedFromItsCondition() {
        Explanation pending = StatusCauses.of(object("pod-nowhere-to-run"), List.of(), NOW).get(0);

        assertThat(pending.cause()).startsWith("The scheduler found no node for this Pod, so it waits and tries again. Unschedulable: 0/3 nodes");
    }

    @Test
    void aPodAskingForMoreCpuThanAnyNodeHasNamesTheResourceAndItsRequest() {
        Explanation pending = StatusCauses.of(object("pod-too-big"), items("events-too-big"), NOW).get(0);

        assertThat(pending.whatToDo()).containsExactly("No node has enough free cpu for what its containers request (app: 64): "
                + "lower the requests, or add nodes or free room on them.");
    }

    @Test
    void aTaintTheNodesCarryIsNamed() {
        KubeObject event = new KubeObject(java.util.Map.of("reason", "FailedScheduling", "message",
                "0/3 nodes are available: 3 node(s) had untolerated taint {dedicated: gpu}. preemption: not helpful."));

        Explanation pending = StatusCauses.of(object("pod-too-big"), List.of(event), NOW).get(0);

        assertThat(pending.whatToDo()).containsExactly("The nodes carry a taint the Pod does not tolerate ({dedicated: gpu}): "
                + "add a matching toleration to the Pod, or remove the taint if it is no longer wanted.");
    }

    @Test
    void aCrashLoopNamesTheExitCodeRestartsAndThePreviousLogs() {
        Explanation crash = StatusCauses.of(object("lessons-crashloop"), List.of(), NOW).get(0);

        assertThat(crash.title()).isEqualTo("CrashLoopBackOff: container app keeps crashing");
        assertThat(crash.cause()).startsWith("Container app started and exited (last exit code 1, Error), 4 restarts so far.");
        assertThat(crash.commands()).contains("kubectl logs crashloop -c app -n lessons --previous");
    }

    @Test
    void anImageThatCannotBePulledIsNamedWithWhatToCheck() {
        Explanation pull = StatusCauses.of(object("lessons-image-pull"), List.of(), NOW).get(0);

        assertThat(pull.title()).isEqualTo("ErrImagePull: image wheelhouse/no-such-image:1.0 cannot be pulled");
        assertThat(pull.cause()).isEqualTo("The node could not download image wheelhouse/no-such-image:1.0 for container app. "
                + "failed to pull and unpack image \"wheelhouse/no-such-image:1.0\": not found");
        assertThat(pull.whatToDo()).anyMatch(line -> line.contains("imagePullSecrets"));
    }

    @Test
    void anOutOfMemoryKillNamesTheLimit() {
        List<Explanation> found = StatusCauses.of(object("lessons-oom"), List.of(), NOW);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).isEqualTo("OOMKilled: container app ran out of memory");
        assertThat(found.get(0).cause()).isEqualTo("Container app used more memory than its limit (512Mi), so the kernel killed it (exit code 137).");
    }

    @Test
    void anEvictedPodSaysWhyTheNodePushedItOut() {
        KubeObject evicted = withStatus(RUNNING, """
                {"phase": "Failed", "reason": "Evicted", "message": "The node was low on resource: memory."}""");

        Explanation eviction = StatusCauses.of(evicted, List.of(), NOW).get(0);

        assertThat(eviction.cause()).endsWith(": The node was low on resource: memory.");
    }

    @Test
    void aContainerStillBeingCreatedQuotesTheMountFailure() {
        KubeObject creating = withStatus(RUNNING, """
                {"phase": "Pending", "containerStatuses": [{"name": "frontend", "image": "nginx:1.27", "ready": false, "restartCount": 0,
                  "state": {"waiting": {"reason": "ContainerCreating"}}}]}""");
        KubeObject mount = new KubeObject(java.util.Map.of("reason", "FailedMount", "lastTimestamp", "2026-11-26T10:04:00Z",
                "message", "MountVolume.SetUp failed for volume \"config\" : configmap \"missing\" not found"));

        assertThat(StatusCauses.of(creating, List.of(), NOW).get(0).cause())
                .isEqualTo("The node is pulling its image and mounting its volumes; for a few seconds this is normal.");
        assertThat(StatusCauses.of(creating, List.of(mount), NOW).get(0).cause())
                .isEqualTo("The node cannot finish preparing it. FailedMount: MountVolume.SetUp failed for volume \"config\" : configmap \"missing\" not found");
    }

    @Test
    void aPodHeldByAFinalizerIsStuckTerminatingOnceItsGracePeriodIsLongPast() {
        KubeObject held = object("pod-held-terminating");
        Instant deleting = Instant.parse(held.string("metadata.deletionTimestamp"));

        assertThat(StatusCauses.of(held, List.of(), deleting).get(0).title()).isEqualTo("Terminating");
        Explanation stuck = StatusCauses.of(held, List.of(), deleting.plusSeconds(60)).get(0);
        assertThat(stuck.title()).isEqualTo("Terminating, and stuck");
        assertThat(stuck.whatToDo().get(0)).isEqualTo("It waits for its finalizers (wheelhouse.dev/hold): the controller that added them must remove them.");
    }

    @Test
    void aDeploymentPastItsProgressDeadlineIsAStuckRollout() {
        List<Explanation> found = StatusCauses.of(object("deployment-stuck"), List.of(), NOW);

        assertThat(found).hasSize(1);
        assertThat(found.get(0).title()).isEqualTo("Rollout stuck: no progress within 5 s");
        assertThat(found.get(0).cause()).startsWith("ReplicaSet \"stuck-8c6465589\" has timed out progressing. 1 of 1 Pods run the new version, 0 are available.");
        assertThat(found.get(0).commands()).contains("kubectl rollout undo deployment/stuck -n learnfix");
    }
}

package dev.wheelhouse.kinds.explain;

import static dev.wheelhouse.kinds.PodUses.map;
import static dev.wheelhouse.kinds.PodUses.maps;
import static dev.wheelhouse.kinds.PodUses.text;

import dev.wheelhouse.model.KubeObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a beginner meets when something does not run, explained from the object's status, its conditions and
 * its Events: a Pod that stays Pending (and why no node fits), ContainerCreating, CrashLoopBackOff, image pull
 * failures, OOMKilled, Evicted, stuck Terminating; a Deployment whose rollout is stuck. Nothing found, nothing said.
 */
public final class StatusCauses {
    /** Past its deletion time by this much, a terminating object is called stuck. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(30);

    private StatusCauses() {
    }

    public static List<Explanation> of(KubeObject object, List<KubeObject> events, Instant now) {
        return switch (object.kind()) {
            case "Pod" -> pod(object, events, now);
            case "Deployment" -> deployment(object);
            default -> terminating(object, now).map(List::of).orElse(List.of());
        };
    }

    private static List<Explanation> pod(KubeObject pod, List<KubeObject> events, Instant now) {
        List<Explanation> found = new ArrayList<>();
        terminating(pod, now).ifPresent(found::add);
        String name = pod.name();
        String ns = " -n " + pod.namespace();
        if (pod.string("status.reason").equals("Evicted")) {
            found.add(new Explanation("Evicted: the node pushed it out",
                    "The kubelet on node " + orUnknown(pod.string("spec.nodeName")) + " stopped this Pod to protect the node: "
                            + pod.string("status.message"),
                    List.of("An evicted Pod stays only as a record; its Deployment or ReplicaSet has already made a new one elsewhere.",
                            "If it happens often, give the Pod resource requests close to what it uses, or free the node's disk and memory.",
                            "Delete the evicted Pod once you have read why."),
                    List.of("kubectl describe node " + pod.string("spec.nodeName"), "kubectl delete pod " + name + ns)));
        }
        unschedulable(pod, events).ifPresent(found::add);
        List<Map<String, Object>> statuses = new ArrayList<>(maps(pod.list("status.initContainerStatuses")));
        statuses.addAll(maps(pod.list("status.containerStatuses")));
        for (Map<String, Object> status : statuses) {
            container(pod, status, events).ifPresent(found::add);
        }
        return found;
    }

    private static Optional<Explanation> unschedulable(KubeObject pod, List<KubeObject> events) {
        Map<String, Object> scheduled = condition(pod, "PodScheduled");
        if (!pod.string("status.phase").equals("Pending") || !text(scheduled, "status").equals("False")) {
            return Optional.empty();
        }
        Optional<KubeObject> event = latest(events, "FailedScheduling");
        String message = event.map(e -> e.string("message")).orElse(text(scheduled, "message"));
        List<String> todo = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        if (message.contains("didn't match Pod's node affinity/selector")) {
            Map<String, Object> selector = pod.map("spec.nodeSelector");
            todo.add(selector.isEmpty()
                    ? "No node matches the Pod's node affinity: compare its rules with the nodes' labels."
                    : "No node has the labels its nodeSelector asks for (" + Relations.selectorText(selector, ", ")
                    + "): fix the nodeSelector, or label a node that should run it.");
            commands.add("kubectl get nodes --show-labels");
            selector.forEach((key, value) -> commands.add("kubectl label node <node> " + key + "=" + KubeObject.text(value)));
        }
        for (String resource : insufficient(message)) {
            todo.add("No node has enough free " + resource + " for what its containers request (" + requests(pod, resource)
                    + "): lower the requests, or add nodes or free room on them.");
            commands.add("kubectl describe nodes");
        }
        if (message.contains("untolerated taint")) {
            todo.add("The nodes carry a taint the Pod does not tolerate (" + taints(message)
                    + "): add a matching toleration to the Pod, or remove the taint if it is no longer wanted.");
            commands.add("kubectl describe nodes | grep Taints");
        }
        if (message.contains("were unschedulable")) {
            todo.add("Some nodes are cordoned (marked unschedulable): uncordon them when their maintenance is over.");
            commands.add("kubectl uncordon <node>");
        }
        if (message.contains("unbound immediate PersistentVolumeClaims")) {
            todo.add("A PersistentVolumeClaim it mounts is not bound to a volume yet: look at the claim's Events.");
            commands.add("kubectl get pvc -n " + pod.namespace());
        }
        if (message.contains("Too many pods")) {
            todo.add("The nodes already run as many Pods as they allow: add nodes or remove Pods.");
        }
        if (todo.isEmpty()) {
            todo.add("Read the scheduler's message above: it names, per node, why the Pod does not fit.");
        }
        commands.add("kubectl describe pod " + pod.name() + " -n " + pod.namespace());
        String reason = event.map(e -> e.string("reason")).orElse(text(scheduled, "reason"));
        return Optional.of(new Explanation("Pending: no node can take it",
                "The scheduler found no node for this Pod, so it waits and tries again. " + reason + ": " + message,
                todo, commands));
    }

    private static Optional<Explanation> container(KubeObject pod, Map<String, Object> status, List<KubeObject> events) {
        String container = text(status, "name");
        Map<String, Object> waiting = map(map(status, "state"), "waiting");
        Map<String, Object> terminated = map(map(status, "state"), "terminated");
        Map<String, Object> last = map(map(status, "lastState"), "terminated");
        String reason = text(waiting, "reason");
        String logs = "kubectl logs " + pod.name() + " -c " + container + " -n " + pod.namespace();
        String describe = "kubectl describe pod " + pod.name() + " -n " + pod.namespace();
        boolean oom = text(last, "reason").equals("OOMKilled") || text(terminated, "reason").equals("OOMKilled");
        switch (reason) {
            case "CrashLoopBackOff" -> {
                String exit = last.isEmpty() ? "" : " (last exit code " + text(last, "exitCode")
                        + (text(last, "reason").isEmpty() ? "" : ", " + text(last, "reason")) + ")";
                List<String> todo = new ArrayList<>();
                if (oom) {
                    todo.add("It was killed for using more memory than its limit (" + limit(pod, container, "memory")
                            + "): raise limits.memory, or find why it uses so much.");
                }
                todo.add("Read the logs of the instance that crashed (--previous): the reason is usually in its last lines.");
                todo.add("Check its command, arguments, environment variables and the ConfigMaps and Secrets it reads.");
                return Optional.of(new Explanation("CrashLoopBackOff: container " + container + " keeps crashing",
                        "Container " + container + " started and exited" + exit + ", " + text(status, "restartCount")
                                + " restarts so far. Kubernetes restarts it, waiting longer after each crash (up to five minutes).",
                        todo, List.of(logs + " --previous", describe)));
            }
            case "ImagePullBackOff", "ErrImagePull" -> {
                String image = text(status, "image");
                return Optional.of(new Explanation(reason + ": image " + image + " cannot be pulled",
                        "The node could not download image " + image + " for container " + container + "."
                                + (text(waiting, "message").isEmpty() ? "" : " " + text(waiting, "message"))
                                + (reason.equals("ImagePullBackOff") ? " It will try again, waiting longer each time." : ""),
                        List.of("Check the image name and tag for typing mistakes: does that tag exist in the registry?",
                                "A private registry needs credentials: an imagePullSecrets entry naming a docker-registry Secret.",
                                "Check that the nodes can reach the registry."),
                        List.of(describe, "kubectl set image deployment/<name> " + container + "=<image:tag> -n " + pod.namespace())));
            }
            case "ContainerCreating" -> {
                Optional<KubeObject> trouble = latest(events, "FailedMount", "FailedAttachVolume", "FailedCreatePodSandBox");
                return Optional.of(new Explanation("ContainerCreating: container " + container + " is being prepared",
                        trouble.map(e -> "The node cannot finish preparing it. " + e.string("reason") + ": " + e.string("message"))
                                .orElse("The node is pulling its image and mounting its volumes; for a few seconds this is normal."),
                        List.of("If it lasts, the Events say why: often a volume, ConfigMap or Secret it mounts does not exist.",
                                "Create what is missing, or fix the name in the Pod's spec."),
                        List.of(describe)));
            }
            case "CreateContainerConfigError" -> {
                return Optional.of(new Explanation("CreateContainerConfigError: container " + container + " cannot be configured",
                        text(waiting, "message"),
                        List.of("A ConfigMap or Secret (or one of its keys) that it reads does not exist: create it or fix the reference."),
                        List.of(describe)));
            }
            default -> { }
        }
        if (oom) {
            return Optional.of(new Explanation("OOMKilled: container " + container + " ran out of memory",
                    "Container " + container + " used more memory than its limit (" + limit(pod, container, "memory")
                            + "), so the kernel killed it (exit code 137).",
                    List.of("Raise resources.limits.memory if it really needs more.",
                            "Otherwise find why it uses so much: a leak, or a cache without a bound."),
                    List.of(logs + " --previous", describe)));
        }
        return Optional.empty();
    }

    private static List<Explanation> deployment(KubeObject deployment) {
        List<Explanation> found = new ArrayList<>();
        Map<String, Object> progressing = condition(deployment, "Progressing");
        String name = deployment.name();
        String ns = " -n " + deployment.namespace();
        if (text(progressing, "reason").equals("ProgressDeadlineExceeded")) {
            Map<String, Object> available = condition(deployment, "Available");
            found.add(new Explanation("Rollout stuck: no progress within " + deployment.number("spec.progressDeadlineSeconds", 600) + " s",
                    text(progressing, "message") + " " + deployment.number("status.updatedReplicas", 0) + " of "
                            + deployment.number("spec.replicas", 1) + " Pods run the new version, "
                            + deployment.number("status.availableReplicas", 0) + " are available."
                            + (text(available, "status").equals("False") ? " " + text(available, "message") : ""),
                    List.of("Look at the new ReplicaSet's Pods: usually they are Pending, crash or cannot pull their image.",
                            "Fix the template (image, resources, nodeSelector) and apply it again, or roll back to the version that worked."),
                    List.of("kubectl rollout status deployment/" + name + ns, "kubectl get pods" + ns,
                            "kubectl rollout undo deployment/" + name + ns)));
        }
        Map<String, Object> failure = condition(deployment, "ReplicaFailure");
        if (text(failure, "status").equals("True")) {
            found.add(new Explanation("ReplicaFailure: Pods cannot be created", text(failure, "reason") + ": " + text(failure, "message"),
                    List.of("Often a ResourceQuota or a LimitRange refuses the Pods: compare the template's requests with them."),
                    List.of("kubectl describe replicaset -l " + selector(deployment) + ns)));
        }
        return found;
    }

    private static Optional<Explanation> terminating(KubeObject object, Instant now) {
        Optional<Instant> deleting = instant(object.string("metadata.deletionTimestamp"));
        if (deleting.isEmpty()) {
            return Optional.empty();
        }
        boolean stuck = now.isAfter(deleting.get().plus(STUCK_AFTER));
        List<String> finalizers = object.list("metadata.finalizers").stream().map(KubeObject::text).toList();
        String kind = object.kind().toLowerCase();
        String ns = object.namespace().isEmpty() ? "" : " -n " + object.namespace();
        List<String> todo = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        if (!finalizers.isEmpty()) {
            todo.add("It waits for its finalizers (" + String.join(", ", finalizers) + "): the controller that added them must remove them.");
            todo.add("Only if that controller is gone for good, remove them by hand: what they guard will not be cleaned up.");
            commands.add("kubectl patch " + kind + " " + object.name() + ns + " --type=merge -p '{\"metadata\":{\"finalizers\":null}}'");
        }
        if (object.kind().equals("Pod")) {
            todo.add("A Pod also waits for its node to confirm that its containers stopped: if the node is down, that never comes.");
            commands.add("kubectl delete pod " + object.name() + ns + " --grace-period=0 --force");
        }
        return Optional.of(new Explanation(stuck ? "Terminating, and stuck" : "Terminating",
                "It was asked to be deleted; its grace period " + (stuck ? "ended at " : "ends at ") + deleting.get() + "."
                        + (finalizers.isEmpty() ? "" : " It still has " + (finalizers.size() == 1 ? "a finalizer." : "finalizers.")),
                todo, commands));
    }

    private static Map<String, Object> condition(KubeObject object, String type) {
        return maps(object.list("status.conditions")).stream().filter(c -> text(c, "type").equals(type)).findFirst().orElse(Map.of());
    }

    /** The newest Event with one of these reasons. */
    private static Optional<KubeObject> latest(List<KubeObject> events, String... reasons) {
        Set<String> wanted = Set.of(reasons);
        return events.stream().filter(e -> wanted.contains(e.string("reason")))
                .max(Comparator.comparing(StatusCauses::when));
    }

    /** When an Event last happened, whichever field the reporter filled. */
    static Instant when(KubeObject event) {
        for (String field : List.of("series.lastObservedTime", "lastTimestamp", "eventTime", "metadata.creationTimestamp")) {
            Optional<Instant> at = instant(event.string(field));
            if (at.isPresent()) {
                return at.get();
            }
        }
        return Instant.EPOCH;
    }

    private static Optional<Instant> instant(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** "Insufficient cpu", "Insufficient memory" in the scheduler's message → cpu, memory. */
    static Set<String> insufficient(String message) {
        Set<String> resources = new LinkedHashSet<>();
        int at = message.indexOf("Insufficient ");
        while (at >= 0) {
            int start = at + "Insufficient ".length();
            int end = start;
            while (end < message.length() && !Character.isWhitespace(message.charAt(end)) && ",.".indexOf(message.charAt(end)) < 0) {
                end++;
            }
            resources.add(message.substring(start, end));
            at = message.indexOf("Insufficient ", end);
        }
        return resources;
    }

    /** What the containers request of a resource, per container ("app: 64"). */
    private static String requests(KubeObject pod, String resource) {
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> container : maps(pod.list("spec.containers"))) {
            String asked = text(map(map(container, "resources"), "requests"), resource);
            if (!asked.isEmpty()) {
                parts.add(text(container, "name") + ": " + asked);
            }
        }
        return parts.isEmpty() ? "no request set" : String.join(", ", parts);
    }

    private static String limit(KubeObject pod, String containerName, String resource) {
        return maps(pod.list("spec.containers")).stream().filter(c -> text(c, "name").equals(containerName))
                .map(c -> text(map(map(c, "resources"), "limits"), resource)).filter(s -> !s.isEmpty())
                .findFirst().orElse("no limit set");
    }

    private static String selector(KubeObject deployment) {
        return Relations.selectorText(deployment.map("spec.selector.matchLabels"), ",");
    }

    /** The taints the scheduler names: "had untolerated taint {dedicated: gpu}" → {dedicated: gpu}. */
    private static String taints(String message) {
        Set<String> found = new LinkedHashSet<>();
        int at = message.indexOf("untolerated taint");
        while (at >= 0) {
            int open = message.indexOf('{', at);
            int close = open < 0 ? -1 : message.indexOf('}', open);
            if (close < 0) {
                break;
            }
            found.add(message.substring(open, close + 1));
            at = message.indexOf("untolerated taint", close);
        }
        return found.isEmpty() ? "see the message" : String.join(", ", found);
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? "(unknown)" : value;
    }
}

package dev.wheelhouse.kinds.explain;

import static dev.wheelhouse.kinds.PodUses.map;
import static dev.wheelhouse.kinds.PodUses.maps;
import static dev.wheelhouse.kinds.PodUses.text;

import dev.wheelhouse.kinds.PodUses;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An object's live relations in words: who owns it, what it sends traffic to, who uses it, what it scales.
 * {@link #needs} says which other objects the sentences read; {@link #of} writes them from what is known.
 */
public final class Relations {
    private Relations() {
    }

    /** The lists to read for {@link #of}: the owner (to name the owner's owner), the Pods a Service selects, and so on. */
    public static List<Related.Need> needs(KubeObject object) {
        String ns = object.namespace().isEmpty() ? null : object.namespace();
        List<Related.Need> needs = new ArrayList<>();
        controller(object).ifPresent(owner -> needs.add(new Related.Need(text(owner, "kind"), ns,
                ListSelector.fields("metadata.name=" + text(owner, "name")))));
        switch (object.kind()) {
            case "Pod" -> needs.add(new Related.Need("Service", ns, ListSelector.ALL));
            case "Service" -> {
                Map<String, Object> selector = object.map("spec.selector");
                if (!selector.isEmpty()) {
                    needs.add(new Related.Need("Pod", ns, ListSelector.labels(selectorText(selector, ","))));
                }
            }
            case "Deployment" -> {
                needs.add(new Related.Need("ReplicaSet", ns, ListSelector.ALL));
                needs.add(new Related.Need("HorizontalPodAutoscaler", ns, ListSelector.ALL));
            }
            case "ConfigMap", "Secret" -> needs.add(new Related.Need("Pod", ns, ListSelector.ALL));
            case "HorizontalPodAutoscaler" -> needs.add(new Related.Need(object.string("spec.scaleTargetRef.kind"), ns,
                    ListSelector.fields("metadata.name=" + object.string("spec.scaleTargetRef.name"))));
            default -> { }
        }
        return needs;
    }

    /** Sentences, one idea each, about how {@code object} relates to the others. */
    public static List<String> of(KubeObject object, Related related) {
        List<String> sentences = new ArrayList<>();
        ownership(object, related).ifPresent(sentences::add);
        switch (object.kind()) {
            case "Pod" -> pod(object, related, sentences);
            case "Service" -> service(object, related, sentences);
            case "Deployment" -> deployment(object, related, sentences);
            case "ReplicaSet" -> sentences.add("It keeps " + count(object.number("spec.replicas", 0), "Pod") + " running ("
                    + object.number("status.readyReplicas", 0) + " ready), making new ones when any go away.");
            case "ConfigMap", "Secret" -> usedBy(object, related, sentences);
            case "HorizontalPodAutoscaler" -> autoscaler(object, related, sentences);
            default -> { }
        }
        return sentences;
    }

    private static Optional<String> ownership(KubeObject object, Related related) {
        Optional<Map<String, Object>> owner = controller(object);
        if (owner.isEmpty()) {
            return object.kind().equals("Pod")
                    ? Optional.of("No controller owns this Pod: if it is deleted, nothing makes a new one.")
                    : Optional.empty();
        }
        String ownerKind = text(owner.get(), "kind");
        String ownerName = text(owner.get(), "name");
        String sentence = "This " + object.kind() + " is owned by " + ownerKind + " " + ownerName;
        Optional<Map<String, Object>> grandOwner = related.of(ownerKind).stream()
                .filter(o -> o.name().equals(ownerName)).findFirst().flatMap(Relations::controller);
        if (grandOwner.isPresent()) {
            sentence += ", which " + text(grandOwner.get(), "kind") + " " + text(grandOwner.get(), "name") + " manages";
        }
        return Optional.of(sentence + ".");
    }

    private static void pod(KubeObject pod, Related related, List<String> sentences) {
        String node = pod.string("spec.nodeName");
        sentences.add(node.isEmpty() ? "It has no node yet: the scheduler has not placed it." : "It runs on node " + node + ".");
        for (KubeObject service : related.of("Service")) {
            Map<String, Object> selector = service.map("spec.selector");
            if (!selector.isEmpty() && matches(selector, pod.labels())) {
                sentences.add("Service " + service.name() + " sends it traffic: its selector " + selectorText(selector, ", ")
                        + " matches this Pod's labels.");
            }
        }
        List<String> reads = new ArrayList<>();
        PodUses.configMaps(pod).forEach((name, how) -> reads.add("ConfigMap " + name + " (" + String.join(", ", how) + ")"));
        PodUses.secrets(pod).forEach((name, how) -> reads.add("Secret " + name + " (" + String.join(", ", how) + ")"));
        if (!reads.isEmpty()) {
            sentences.add("It reads " + joined(reads) + ".");
        }
    }

    private static void service(KubeObject service, Related related, List<String> sentences) {
        Map<String, Object> selector = service.map("spec.selector");
        if (selector.isEmpty()) {
            sentences.add("This Service has no selector: it picks no Pods itself, so its endpoints are whatever was set by hand"
                    + (service.string("spec.type").equals("ExternalName") ? " (it is a DNS name for " + service.string("spec.externalName") + ")." : "."));
            return;
        }
        String wanted = selectorText(selector, ", ");
        if (!related.known("Pod")) {
            sentences.add("This Service sends traffic to the Pods whose labels match its selector " + wanted + ".");
            return;
        }
        List<String> pods = related.of("Pod").stream().filter(p -> matches(selector, p.labels())).map(KubeObject::name).sorted().toList();
        if (pods.isEmpty()) {
            sentences.add("This Service's selector " + wanted + " matches no Pod, so it has nowhere to send traffic: "
                    + "compare it with the labels of the Pods you expected.");
        } else {
            String their = selector.size() == 1 ? "their label " + wanted + " matches" : "their labels " + wanted + " match";
            sentences.add("This Service sends traffic to " + count(pods.size(), "Pod") + " because " + their + " its selector: "
                    + String.join(", ", pods) + ".");
        }
    }

    private static void deployment(KubeObject deployment, Related related, List<String> sentences) {
        List<KubeObject> owned = related.of("ReplicaSet").stream().filter(rs -> ownedBy(rs, deployment)).toList();
        owned.stream().filter(rs -> rs.number("spec.replicas", 0) > 0).forEach(rs -> sentences.add("It manages ReplicaSet " + rs.name()
                + ", which keeps " + count(rs.number("spec.replicas", 0), "Pod") + " (" + rs.number("status.readyReplicas", 0) + " ready)."));
        // Scaled to 0, the current ReplicaSet (the Deployment's revision) holds 0 Pods too: it is not an old one.
        String revision = revisionOf(deployment);
        Optional<KubeObject> current = deployment.number("spec.replicas", 1) != 0 || revision.isEmpty() ? Optional.empty()
                : owned.stream().filter(rs -> revision.equals(revisionOf(rs))).findFirst();
        current.ifPresent(rs -> sentences.add("It is scaled to 0: its ReplicaSet " + rs.name() + " keeps no Pods until replicas is raised."));
        List<String> idle = owned.stream().filter(rs -> rs.number("spec.replicas", 0) == 0 && !current.equals(Optional.of(rs)))
                .map(KubeObject::name).sorted().toList();
        if (!idle.isEmpty()) {
            sentences.add("Older " + (idle.size() == 1 ? "ReplicaSet " : "ReplicaSets ") + String.join(", ", idle)
                    + (idle.size() == 1 ? " is" : " are") + " kept at 0 Pods, so a rollback can return to it quickly.");
        }
        for (KubeObject hpa : related.of("HorizontalPodAutoscaler")) {
            if (hpa.string("spec.scaleTargetRef.kind").equals("Deployment") && hpa.string("spec.scaleTargetRef.name").equals(deployment.name())) {
                sentences.add("HorizontalPodAutoscaler " + hpa.name() + " sets its replicas, between " + hpa.number("spec.minReplicas", 1)
                        + " and " + hpa.number("spec.maxReplicas", 0) + ".");
            }
        }
    }

    private static void usedBy(KubeObject object, Related related, List<String> sentences) {
        if (!related.known("Pod")) {
            return;
        }
        List<String> users = new ArrayList<>();
        for (KubeObject pod : related.of("Pod")) {
            Set<String> how = (object.kind().equals("ConfigMap") ? PodUses.configMaps(pod) : PodUses.secrets(pod)).get(object.name());
            if (how != null) {
                users.add(pod.name() + " (" + String.join(", ", how) + ")");
            }
        }
        users.sort(String::compareTo);
        sentences.add(users.isEmpty()
                ? "No Pod in namespace " + object.namespace() + " uses this " + object.kind() + " now."
                : count(users.size(), "Pod") + (users.size() == 1 ? " uses" : " use") + " this " + object.kind() + ": " + String.join(", ", users) + ".");
    }

    private static void autoscaler(KubeObject hpa, Related related, List<String> sentences) {
        String targetKind = hpa.string("spec.scaleTargetRef.kind");
        String targetName = hpa.string("spec.scaleTargetRef.name");
        List<String> aims = new ArrayList<>();
        for (Map<String, Object> metric : maps(hpa.list("spec.metrics"))) {
            Map<String, Object> resource = map(metric, "resource");
            Map<String, Object> target = map(resource, "target");
            if (!text(target, "averageUtilization").isEmpty()) {
                aims.add(text(target, "averageUtilization") + "% average " + text(resource, "name").toUpperCase() + " use of their requests");
            }
        }
        sentences.add("This HorizontalPodAutoscaler scales " + targetKind + " " + targetName + " between " + hpa.number("spec.minReplicas", 1)
                + " and " + hpa.number("spec.maxReplicas", 0) + " replicas" + (aims.isEmpty() ? "" : ", aiming at " + joined(aims)) + ".");
        if (related.known(targetKind) && related.of(targetKind).stream().noneMatch(o -> o.name().equals(targetName))) {
            sentences.add("Its target " + targetKind + " " + targetName + " does not exist, so it has nothing to scale.");
        }
    }

    private static String revisionOf(KubeObject replicaSet) {
        return KubeObject.text(replicaSet.map("metadata.annotations").get("deployment.kubernetes.io/revision"));
    }

    /** The owner reference marked as controller, else the first one. */
    static Optional<Map<String, Object>> controller(KubeObject object) {
        List<Map<String, Object>> owners = maps(object.list("metadata.ownerReferences"));
        return owners.stream().filter(o -> Boolean.TRUE.equals(o.get("controller"))).findFirst().or(() -> owners.stream().findFirst());
    }

    private static boolean ownedBy(KubeObject object, KubeObject owner) {
        return maps(object.list("metadata.ownerReferences")).stream().anyMatch(o -> text(o, "uid").equals(owner.uid()));
    }

    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        return selector.entrySet().stream().allMatch(e -> KubeObject.text(e.getValue()).equals(KubeObject.text(labels.get(e.getKey()))));
    }

    static String selectorText(Map<String, Object> selector, String separator) {
        return selector.entrySet().stream().map(e -> e.getKey() + "=" + KubeObject.text(e.getValue())).sorted()
                .collect(Collectors.joining(separator));
    }

    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String joined(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }
}

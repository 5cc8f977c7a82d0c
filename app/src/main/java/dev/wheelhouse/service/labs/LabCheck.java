package dev.wheelhouse.service.labs;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.HorizontalPodAutoscalers;
import dev.wheelhouse.kinds.builtin.ReplicaSets;
import dev.wheelhouse.kinds.builtin.Services;
import dev.wheelhouse.kinds.PodUses;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ResourceType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A state of the cluster a step waits for, decided from live objects alone (what the step's watches hold),
 * so it is checked again whenever a watched list changes. An object being deleted no longer counts.
 */
public sealed interface LabCheck {
    KindRegistry KINDS = new KindRegistry();

    /** The lists this check reads. */
    List<Watched> watched();

    boolean holds(LiveObjects live);

    /** The check in words, shown under the step. */
    String describe();

    /** The same check with the lab's namespaces renamed (a Namespace's own name included). */
    LabCheck renamed(UnaryOperator<String> namespace);

    /** One watched list: a type, in a namespace ("" for a cluster-scoped type). */
    record Watched(ResourceType type, String namespace) {
    }

    /** What the watches hold now. */
    interface LiveObjects {
        List<KubeObject> objects(Watched list);
    }

    /** An object of {@code kind} named {@code name} exists (in {@code namespace}, for namespaced kinds). */
    record Exists(KindDescriptor kind, String name, String namespace) implements LabCheck {
        @Override
        public List<Watched> watched() {
            return List.of(new Watched(kind.type(), kind.type().namespaced() ? namespace : ""));
        }

        @Override
        public boolean holds(LiveObjects live) {
            return present(live, watched().get(0)).anyMatch(o -> o.name().equals(name));
        }

        @Override
        public String describe() {
            return kind.kind() + " " + name + " exists" + (kind.type().namespaced() ? " in " + namespace : "");
        }

        @Override
        public LabCheck renamed(UnaryOperator<String> rename) {
            return kind == KindRegistry.NAMESPACE ? new Exists(kind, rename.apply(name), namespace)
                    : new Exists(kind, name, rename.apply(namespace));
        }
    }

    /** The Deployment asks for {@code count} replicas and that many are ready. */
    record ReadyReplicas(String deployment, String namespace, int count) implements LabCheck {
        @Override
        public List<Watched> watched() {
            return List.of(deployments(namespace));
        }

        @Override
        public boolean holds(LiveObjects live) {
            return findDeployment(live, namespace, deployment)
                    .filter(d -> d.number("spec.replicas", 1) == count && d.number("status.readyReplicas", 0) == count)
                    .isPresent();
        }

        @Override
        public String describe() {
            return "Deployment " + deployment + " has " + count + (count == 1 ? " ready replica" : " ready replicas");
        }

        @Override
        public LabCheck renamed(UnaryOperator<String> rename) {
            return new ReadyReplicas(deployment, rename.apply(namespace), count);
        }
    }

    /** At least {@code atLeast} ReplicaSets belong to the Deployment (a rollout leaves the old one behind). */
    record ReplicaSetCount(String deployment, String namespace, int atLeast) implements LabCheck {
        @Override
        public List<Watched> watched() {
            return List.of(new Watched(ReplicaSets.DESCRIPTOR.type(), namespace));
        }

        @Override
        public boolean holds(LiveObjects live) {
            return present(live, watched().get(0)).filter(rs -> ownedByDeployment(rs, deployment)).count() >= atLeast;
        }

        @Override
        public String describe() {
            return "Deployment " + deployment + " has at least " + atLeast + " ReplicaSets";
        }

        @Override
        public LabCheck renamed(UnaryOperator<String> rename) {
            return new ReplicaSetCount(deployment, rename.apply(namespace), atLeast);
        }

        private static boolean ownedByDeployment(KubeObject replicaSet, String deployment) {
            return replicaSet.list("metadata.ownerReferences").stream().filter(Map.class::isInstance).map(Map.class::cast)
                    .anyMatch(owner -> "Deployment".equals(owner.get("kind")) && deployment.equals(owner.get("name")));
        }
    }

    /** A container of the Deployment's Pod template runs {@code image}. */
    record Image(String deployment, String namespace, String image) implements LabCheck {
        @Override
        public List<Watched> watched() {
            return List.of(deployments(namespace));
        }

        @Override
        public boolean holds(LiveObjects live) {
            return findDeployment(live, namespace, deployment)
                    .filter(d -> containers(d).anyMatch(c -> image.equals(c.get("image"))))
                    .isPresent();
        }

        @Override
        public String describe() {
            return "Deployment " + deployment + " runs " + image;
        }

        @Override
        public LabCheck renamed(UnaryOperator<String> rename) {
            return new Image(deployment, rename.apply(namespace), image);
        }
    }

    /** The Deployment's Pods read the Secret (env, envFrom, a volume), as the learning panel tells it. */
    record UsesSecret(String deployment, String namespace, String secret) implements LabCheck {
        @Override
        public List<Watched> watched() {
            return List.of(deployments(namespace));
        }

        @Override
        public boolean holds(LiveObjects live) {
            return findDeployment(live, namespace, deployment)
                    .filter(d -> PodUses.secrets(PodUses.templatePod(d)).containsKey(secret)).isPresent();
        }

        @Override
        public String describe() {
            return "Deployment " + deployment + " reads Secret " + secret;
        }

        @Override
        public LabCheck renamed(UnaryOperator<String> rename) {
            return new UsesSecret(deployment, rename.apply(namespace), secret);
        }
    }

    /** The Service is of {@code type} (ClusterIP, NodePort, LoadBalancer, ExternalName). */
    record ServiceType(String service, String namespace, String type) implements LabCheck {
        @Override
        public List<Watched> watched() {
            return List.of(new Watched(Services.DESCRIPTOR.type(), namespace));
        }

        @Override
        public boolean holds(LiveObjects live) {
            return present(live, watched().get(0)).anyMatch(s -> s.name().equals(service) && type.equals(s.string("spec.type")));
        }

        @Override
        public String describe() {
            return "Service " + service + " is of type " + type;
        }

        @Override
        public LabCheck renamed(UnaryOperator<String> rename) {
            return new ServiceType(service, rename.apply(namespace), type);
        }
    }

    /** A HorizontalPodAutoscaler targets the Deployment. */
    record Autoscales(String deployment, String namespace) implements LabCheck {
        @Override
        public List<Watched> watched() {
            return List.of(new Watched(HorizontalPodAutoscalers.DESCRIPTOR.type(), namespace));
        }

        @Override
        public boolean holds(LiveObjects live) {
            return present(live, watched().get(0)).anyMatch(hpa -> "Deployment".equals(hpa.string("spec.scaleTargetRef.kind"))
                    && deployment.equals(hpa.string("spec.scaleTargetRef.name")));
        }

        @Override
        public String describe() {
            return "A HorizontalPodAutoscaler targets Deployment " + deployment;
        }

        @Override
        public LabCheck renamed(UnaryOperator<String> rename) {
            return new Autoscales(deployment, rename.apply(namespace));
        }
    }

    /** Every check names a namespace; "" only for the existence of a cluster-scoped object. */
    String namespace();

    private static Watched deployments(String namespace) {
        return new Watched(Deployments.DESCRIPTOR.type(), namespace);
    }

    private static Stream<KubeObject> present(LiveObjects live, Watched list) {
        return live.objects(list).stream().filter(o -> o.string("metadata.deletionTimestamp").isEmpty());
    }

    private static Optional<KubeObject> findDeployment(LiveObjects live, String namespace, String name) {
        return present(live, deployments(namespace)).filter(d -> d.name().equals(name)).findFirst();
    }

    private static Stream<Map<?, ?>> containers(KubeObject deployment) {
        return deployment.list("spec.template.spec.containers").stream().filter(Map.class::isInstance).map(c -> (Map<?, ?>) c);
    }
}

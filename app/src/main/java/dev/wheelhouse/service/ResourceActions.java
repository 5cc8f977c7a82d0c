package dev.wheelhouse.service;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.kube.KubeFailures;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ProblemException;
import java.time.Instant;

/**
 * The everyday actions, each what the named kubectl command does. Every method blocks and either
 * returns a sentence saying what happened or throws the API server's reason; in read-only mode each refuses,
 * saying why, before it reaches the server. {@link #kubectl} spells out the command each one equals.
 */
public final class ResourceActions {
    private final ClusterConnection connection;
    private final ReadOnlyMode readOnly;

    ResourceActions(ClusterConnection connection, ReadOnlyMode readOnly) {
        this.connection = connection;
        this.readOnly = readOnly;
    }

    /** {@code kubectl delete <kind> <name>} */
    public String delete(KindDescriptor kind, KubeObject object) throws ProblemException {
        readOnly.check("Delete " + describe(kind, object));
        run(() -> connection.delete(kind.type(), object.namespace(), object.name()));
        return "Deleted " + describe(kind, object) + ".";
    }

    /** {@code kubectl scale <kind> <name> --replicas=N} */
    public String scale(KindDescriptor kind, KubeObject object, int replicas) throws ProblemException {
        require(kind, Capability.SCALABLE);
        if (replicas < 0) {
            throw new IllegalArgumentException("Replicas cannot be negative");
        }
        readOnly.check("Scale " + describe(kind, object));
        run(() -> connection.scale(kind.type(), object.namespace(), object.name(), replicas));
        return "Scaled " + describe(kind, object) + " to " + replicas + (replicas == 1 ? " replica." : " replicas.");
    }

    /** {@code kubectl rollout restart <kind> <name>}: a new annotation on the pod template rolls every pod. */
    public String restart(KindDescriptor kind, KubeObject object) throws ProblemException {
        require(kind, Capability.RESTARTABLE);
        readOnly.check("Restart " + describe(kind, object));
        patch(kind, object, "{\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"kubectl.kubernetes.io/restartedAt\":\""
                + Instant.now() + "\"}}}}}");
        return "Restarted " + describe(kind, object) + ": its pods are being replaced.";
    }

    /** {@code kubectl cordon|uncordon <node>} */
    public String setCordoned(KindDescriptor kind, KubeObject node, boolean cordoned) throws ProblemException {
        require(kind, Capability.CORDONABLE);
        readOnly.check((cordoned ? "Cordon " : "Uncordon ") + describe(kind, node));
        patch(kind, node, "{\"spec\":{\"unschedulable\":" + (cordoned ? "true" : "null") + "}}");
        return (cordoned ? "Cordoned " : "Uncordoned ") + describe(kind, node)
                + (cordoned ? ": no new pods will be scheduled on it." : ": it takes new pods again.");
    }

    /** The actions, for {@link #kubectl}. */
    public enum Kubectl {
        DELETE, RESTART, CORDON, UNCORDON
    }

    /** The kubectl command equal to an action on {@code object}: {@code kubectl rollout restart deployments.apps web -n dev}. */
    public static String kubectl(Kubectl action, KindDescriptor kind, KubeObject object) {
        return switch (action) {
            case DELETE -> "kubectl delete " + target(kind, object);
            case RESTART -> "kubectl rollout restart " + target(kind, object);
            case CORDON -> "kubectl cordon " + object.name();
            case UNCORDON -> "kubectl uncordon " + object.name();
        };
    }

    /** {@code kubectl scale deployments.apps web -n dev --replicas=3}, with the replicas as typed. */
    public static String kubectlScale(KindDescriptor kind, KubeObject object, String replicas) {
        return "kubectl scale " + target(kind, object) + " --replicas=" + replicas;
    }

    private static String target(KindDescriptor kind, KubeObject object) {
        return kind.type().qualifiedPlural() + " " + object.name() + (object.namespace().isEmpty() ? "" : " -n " + object.namespace());
    }

    private void patch(KindDescriptor kind, KubeObject object, String json) throws ProblemException {
        run(() -> connection.mergePatch(kind.type(), object.namespace(), object.name(), json));
    }

    private static void require(KindDescriptor kind, Capability capability) {
        if (!kind.can(capability)) {
            throw new IllegalArgumentException(kind.kind() + " cannot be " + capability.name().toLowerCase());
        }
    }

    private void run(Call call) throws ProblemException {
        try {
            call.run();
        } catch (Exception e) {
            throw new ProblemException(KubeFailures.toProblem(e, connection.context().server()), e);
        }
    }

    static String describe(KindDescriptor kind, KubeObject object) {
        return kind.kind() + " " + (object.namespace().isEmpty() ? "" : object.namespace() + "/") + object.name();
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }
}

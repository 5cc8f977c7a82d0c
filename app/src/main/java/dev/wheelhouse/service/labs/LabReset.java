package dev.wheelhouse.service.labs;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.service.ClusterSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Undoes a lab: deletes its namespaces, and with them everything it made there (the same as kubectl delete namespace). */
public final class LabReset {
    private LabReset() {
    }

    /** Blocks; returns what was deleted, in words. A namespace already gone is not a failure. */
    public static String reset(ClusterSession session, Lab lab) throws ProblemException {
        List<String> deleted = new ArrayList<>();
        for (String namespace : lab.namespaces()) {
            KubeObject named = new KubeObject(Map.of("kind", "Namespace", "metadata", Map.of("name", namespace)));
            try {
                session.actions().delete(KindRegistry.NAMESPACE, named);
                deleted.add(namespace);
            } catch (ProblemException e) {
                if (e.problem().kind() != Problem.Kind.NOT_FOUND) {
                    throw e;
                }
            }
        }
        return deleted.isEmpty() ? "Nothing to delete: the lab's namespaces were already gone."
                : "Deleting namespace" + (deleted.size() == 1 ? " " : "s ") + String.join(", ", deleted)
                + " and everything in " + (deleted.size() == 1 ? "it." : "them.");
    }
}

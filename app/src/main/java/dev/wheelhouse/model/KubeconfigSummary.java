package dev.wheelhouse.model;

import java.nio.file.Path;
import java.util.List;

/** What the kubeconfig files offer: contexts in file order, the current one, and what was wrong in them. */
public record KubeconfigSummary(List<Path> files, List<ContextInfo> contexts, String currentContext, List<Problem> problems) {

    /** Contexts with the current one first, as the navigator lists them. */
    public List<ContextInfo> currentFirst() {
        return contexts.stream()
                .sorted((a, b) -> Boolean.compare(!a.name().equals(currentContext), !b.name().equals(currentContext)))
                .toList();
    }
}

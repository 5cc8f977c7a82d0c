package dev.wheelhouse.model;

import java.nio.file.Path;

/**
 * A kubeconfig context as the user sees it: where it points and which file defined it.
 * Carries no credentials, so it is safe to show and to log.
 */
public record ContextInfo(String name, String cluster, String server, String user, String namespace, Path sourceFile) {

    /** The namespace kubectl would use for this context. */
    public String namespaceOrDefault() {
        return namespace == null || namespace.isBlank() ? "default" : namespace;
    }
}

package dev.wheelhouse.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A kubeconfig whose one context, {@value #CONTEXT}, acts as a ServiceAccount of the sandbox (with a fresh token). */
public final class ServiceAccountKubeconfig {
    public static final String CONTEXT = "service-account";

    private ServiceAccountKubeconfig() {
    }

    /** Creates the ServiceAccount if needed and writes a temporary kubeconfig for it; the caller deletes the file. */
    public static Path create(String namespace, String serviceAccount) throws IOException {
        Sandbox.kubectlResult("-n", namespace, "create", "serviceaccount", serviceAccount);
        String token = Sandbox.kubectl("-n", namespace, "create", "token", serviceAccount).trim();
        String server = Sandbox.kubectl("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
        Path file = Files.createTempFile("wheelhouse-sa", ".yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: %1$s
                clusters:
                - name: sandbox
                  cluster: {server: "%2$s", insecure-skip-tls-verify: true}
                contexts:
                - name: %1$s
                  context: {cluster: sandbox, user: %3$s, namespace: %4$s}
                users:
                - name: %3$s
                  user: {token: "%5$s"}
                """.formatted(CONTEXT, server, serviceAccount, namespace, token));
        return file;
    }
}

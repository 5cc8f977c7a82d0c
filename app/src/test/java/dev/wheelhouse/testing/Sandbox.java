package dev.wheelhouse.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real sandbox cluster that ./run-tests starts (sandbox/up), and its kubectl.
 * Tests that use it are tagged "cluster"; they fail, not skip, when it is missing.
 */
public final class Sandbox {
    /**
     * sandbox/up keeps its kubeconfig in a folder named after the cluster (WHEELHOUSE_CLUSTER), so tests can run
     * against another sandbox than the default one. Tests that need no cluster may use this class without one.
     */
    public static final String CLUSTER = Optional.ofNullable(System.getenv("WHEELHOUSE_SANDBOX_KUBECONFIG"))
            .map(file -> Path.of(file).getParent().getFileName().toString())
            .orElse("wheelhouse");
    public static final String CONTEXT = "kwok-" + CLUSTER;

    private Sandbox() {
    }

    public static Path kubeconfig() {
        return Path.of(required("WHEELHOUSE_SANDBOX_KUBECONFIG"));
    }

    /** The bearer token sandbox/up made for a test user (sandbox/workloads/test-users.yaml says what each may do). */
    public static String token(String user) throws IOException {
        Path tokens = kubeconfig().resolveSibling("tokens.csv");
        return Files.readAllLines(tokens).stream()
                .map(line -> line.split(","))
                .filter(fields -> fields.length > 1 && fields[1].equals(user))
                .map(fields -> fields[0])
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(tokens + " has no token for " + user
                        + ": the sandbox predates it; recreate it with sandbox/down and sandbox/up"));
    }

    /**
     * Runs one of the repository's sandbox/ scripts on this sandbox and returns its output; fails the test if
     * it fails. The cache root and cluster name are read back from the kubeconfig's place (see sandbox/lib.sh).
     */
    public static String sandboxScript(String script, String... args) throws IOException, InterruptedException {
        Path repository = repository();
        List<String> command = new ArrayList<>();
        command.add(repository.resolve("sandbox").resolve(script).toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // kubeconfig = <cache>/sandbox/state/<cluster>/kubeconfig
        builder.environment().put("WHEELHOUSE_CACHE", kubeconfig().getParent().getParent().getParent().getParent().toString());
        builder.environment().put("WHEELHOUSE_CLUSTER", CLUSTER);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("sandbox/%s %s: %s", script, String.join(" ", args), output).isZero();
        return output;
    }

    /** The repository's root: the folder holding sandbox/lib.sh, at or above the working directory. */
    public static Path repository() {
        Path repository = Path.of("").toAbsolutePath();
        while (repository != null && !Files.exists(repository.resolve("sandbox/lib.sh"))) {
            repository = repository.getParent();
        }
        assertThat(repository).as("a folder holding sandbox/lib.sh above the working directory").isNotNull();
        return repository;
    }

    private static String required(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run the cluster tests with ./run-tests, which starts sandbox/up");
        }
        return value;
    }

    /** Runs the sandbox's kubectl and returns its output; fails the test if kubectl fails. */
    public static String kubectl(String... args) {
        Result result = kubectlResult(args);
        assertThat(result.exitCode()).as("kubectl %s failed: %s", String.join(" ", args), result.output()).isZero();
        return result.output();
    }

    public record Result(int exitCode, String output) {
    }

    /** Starts a long-running kubectl (logs -f, port-forward); the caller destroys it. */
    public static Process startKubectl(String... args) throws IOException {
        return new ProcessBuilder(kubectlCommand(args)).redirectErrorStream(true).start();
    }

    private static List<String> kubectlCommand(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(required("WHEELHOUSE_SANDBOX_BIN"), "kubectl").toString());
        command.add("--kubeconfig");
        command.add(kubeconfig().toString());
        command.addAll(List.of(args));
        return command;
    }

    public static Result kubectlResult(String... args) {
        try {
            Process process = new ProcessBuilder(kubectlCommand(args)).redirectErrorStream(true).start();
            // Read while it runs: output larger than the pipe's buffer (e.g. /metrics) would otherwise stall kubectl.
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(process.exitValue(), output.join());
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Applies a manifest given as text. */
    public static void apply(String yaml) throws IOException {
        Path file = Files.createTempFile("wheelhouse-test", ".yaml");
        try {
            Files.writeString(file, yaml);
            kubectl("apply", "-f", file.toString());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Waits for a condition, polling; returns whether it came true in time. */
    public static boolean eventually(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    /**
     * A ServiceAccount in {@code namespace} allowed exactly {@code verbs} on {@code resource} of {@code apiGroup}
     * ("" for core) there, through a Role and RoleBinding of its own; returns a fresh token for it.
     */
    public static String serviceAccountAllowedTo(String namespace, String serviceAccount, String apiGroup, String resource,
                                                 String... verbs) throws IOException {
        apply("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: %1$s, namespace: %2$s}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: %1$s-role, namespace: %2$s}
                rules:
                - apiGroups: ["%3$s"]
                  resources: [%4$s]
                  verbs: [%5$s]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: %1$s-binding, namespace: %2$s}
                subjects: [{kind: ServiceAccount, name: %1$s, namespace: %2$s}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: %1$s-role}
                """.formatted(serviceAccount, namespace, apiGroup, resource, String.join(", ", verbs)));
        return kubectl("-n", namespace, "create", "token", serviceAccount).trim();
    }

    /** Defines a namespaced custom resource without a schema ({@code plural.group}, version v1) and waits until it is served. */
    public static void defineCustomResource(String group, String plural, String kind) throws IOException {
        apply("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: %2$s.%1$s}
                spec:
                  group: %1$s
                  scope: Namespaced
                  names: {plural: %2$s, singular: %3$s, kind: %4$s}
                  versions:
                  - name: v1
                    served: true
                    storage: true
                    schema: {openAPIV3Schema: {type: object, x-kubernetes-preserve-unknown-fields: true}}
                """.formatted(group, plural, kind.toLowerCase(), kind));
        kubectl("wait", "--for=condition=Established", "crd/" + plural + "." + group, "--timeout=60s");
    }
}

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The real sandbox cluster that ./run-tests starts (sandbox/up), and its kubectl.
 * Tests that use it are tagged "cluster"; they fail, not skip, when it is missing.
 */
public final class Sandbox {
    public static final String CONTEXT = "kwok-wheelhouse";

    private Sandbox() {
    }

    public static Path kubeconfig() {
        return Path.of(required("WHEELHOUSE_SANDBOX_KUBECONFIG"));
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
}

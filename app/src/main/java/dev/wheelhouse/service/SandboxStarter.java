package dev.wheelhouse.service;

import dev.wheelhouse.model.CancellableWaits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Starts the repository's sandbox cluster ({@code sandbox/up}, as the {@code ./wheelhouse} launcher does when no
 * cluster answers) from inside the app. Only a checkout of the source has the script; an installed app says how
 * to get it instead.
 */
public final class SandboxStarter {
    static final String PREFIX = "export KUBECONFIG=";
    public static final String WITHOUT_SOURCE = "The sandbox cluster comes with Wheelhouse's source code, not with the installer. "
            + "Get the source, run sandbox/up in it (it prints export KUBECONFIG=…), then start Wheelhouse with that "
            + "kubeconfig, or run ./wheelhouse there, which starts the sandbox by itself.";

    private final Path upScript;

    SandboxStarter(Path upScript) {
        this.upScript = upScript;
    }

    /** Looks for {@code sandbox/up} above the working directory and above the app's own jar. */
    public static SandboxStarter find() {
        Path script = above(Path.of("").toAbsolutePath());
        if (script == null) {
            try {
                script = above(Path.of(SandboxStarter.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
            } catch (URISyntaxException | RuntimeException e) {
                // No code location (an unusual class loader): the working directory alone was searched.
            }
        }
        return new SandboxStarter(script);
    }

    static Path above(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path script = dir.resolve("sandbox").resolve("up");
            if (Files.isRegularFile(script) && Files.isExecutable(script)) {
                return script;
            }
        }
        return null;
    }

    /** Whether this copy of the app can start the sandbox (it runs from a checkout of the source). */
    public boolean available() {
        return upScript != null;
    }

    /**
     * Runs {@code sandbox/up} (idempotent: a running sandbox is left as it is) and blocks until it ends, handing each
     * line of its progress (its standard error) to {@code progress}; returns the kubeconfig it printed last.
     */
    public Path start(Consumer<String> progress) throws IOException, InterruptedException {
        if (upScript == null) {
            throw new IOException(WITHOUT_SOURCE);
        }
        Process process = new ProcessBuilder(List.of(upScript.toString())).directory(upScript.getParent().getParent().toFile()).start();
        process.getOutputStream().close();
        // Its own thread: a full stderr pipe would stall the script while stdout is read here.
        Thread errors = new Thread(() -> forEachLine(process.getErrorStream(), progress), "wheelhouse-sandbox-up");
        errors.setDaemon(true);
        errors.start();
        List<String> output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        int exit = CancellableWaits.during(process::waitFor);
        errors.join(5_000);
        if (exit != 0) {
            throw new IOException("sandbox/up failed (exit code " + exit + "); its last lines above say why.");
        }
        return kubeconfigFrom(output);
    }

    /** The file named by the script's last line, {@code export KUBECONFIG=<file>}. */
    static Path kubeconfigFrom(List<String> output) throws IOException {
        String last = output.isEmpty() ? "" : output.get(output.size() - 1).strip();
        if (!last.startsWith(PREFIX)) {
            throw new IOException("sandbox/up did not end with " + PREFIX + "…: " + last);
        }
        return Path.of(last.substring(PREFIX.length()));
    }

    private static void forEachLine(java.io.InputStream stream, Consumer<String> progress) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                progress.accept(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

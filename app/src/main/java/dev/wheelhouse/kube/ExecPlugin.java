package dev.wheelhouse.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.wheelhouse.model.CancellableWaits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A kubeconfig user's credential plugin ({@code users[].user.exec}), run the way kubectl runs it: its
 * {@code env} added to ours, {@code KUBERNETES_EXEC_INFO} saying it is not interactive, and stdin closed, so a
 * plugin that would prompt fails instead of waiting for an answer nobody can give.
 */
record ExecPlugin(String apiVersion, String command, List<String> args, Map<String, String> env,
                  String interactiveMode, String installHint, Optional<JsonObject> cluster) {
    private static final List<String> API_VERSIONS =
            List.of("client.authentication.k8s.io/v1", "client.authentication.k8s.io/v1beta1");
    /** How much of stderr a failure shows. */
    private static final int STDERR_LINES = 5;
    /** Long enough for a login in a browser. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    /**
     * Reads an {@code exec} section; {@code clusterInfo} is what the plugin gets when it asks for it
     * ({@code provideClusterInfo}): the cluster's server and certificate authority.
     */
    static ExecPlugin fromKubeconfig(Map<String, Object> exec, Supplier<JsonObject> clusterInfo) {
        String apiVersion = text(exec.get("apiVersion"));
        if (!API_VERSIONS.contains(apiVersion)) {
            throw new KubeconfigException("exec credential plugin: apiVersion '" + apiVersion + "' is not one of " + API_VERSIONS);
        }
        String command = text(exec.get("command"));
        if (command.isBlank()) {
            throw new KubeconfigException("exec credential plugin: no 'command'");
        }
        List<String> args = new ArrayList<>();
        if (exec.get("args") instanceof List<?> list) {
            list.forEach(arg -> args.add(text(arg)));
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (exec.get("env") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> pair) {
                    env.put(text(pair.get("name")), text(pair.get("value")));
                }
            }
        }
        boolean provideClusterInfo = Boolean.TRUE.equals(exec.get("provideClusterInfo"));
        String interactiveMode = text(exec.get("interactiveMode"));
        return new ExecPlugin(apiVersion, command, List.copyOf(args), Map.copyOf(env),
                interactiveMode.isEmpty() ? "IfAvailable" : interactiveMode, text(exec.get("installHint")),
                provideClusterInfo ? Optional.of(clusterInfo.get()) : Optional.empty());
    }

    /** A thread per stream: the common pool may have a single thread on a small machine, and these reads block. */
    private static final Executor OWN_THREAD = task -> {
        Thread reader = new Thread(task, "wheelhouse-exec-plugin-output");
        reader.setDaemon(true);
        reader.start();
    };

    /**
     * Runs the plugin once and reads its ExecCredential; blocks until the plugin ends, {@code timeout} passes
     * or the thread is interrupted (Cancel), and in the last two cases stops the plugin and what it started.
     * A command without a slash is looked up on our PATH, then on the login shell's; the plugin gets the
     * PATH it was found on, since plugins run other tools from there (aws runs python).
     */
    ExecCredential run(LoginShell paths, Duration timeout) throws ExecPluginException {
        if (interactiveMode.equals("Always")) {
            throw new ExecPluginException("The credential plugin '" + command
                    + "' needs a terminal (interactiveMode: Always); Wheelhouse cannot give it one.", installHint);
        }
        String path = paths.ownPath();
        String executable = command;
        try {
            if (!command.contains("/")) {
                Optional<Path> found = LoginShell.find(command, path);
                if (found.isEmpty()) {
                    LoginShell.Answer login = paths.shellAnswer();
                    found = LoginShell.find(command, login.path());
                    if (found.isEmpty()) {
                        throw notFound(paths, login);
                    }
                    path = LoginShell.combined(path, login.path());
                }
                executable = found.get().toString();
            } else if (!Files.isExecutable(Path.of(command))) {
                throw new ExecPluginException("The credential plugin '" + command + "' does not exist or is not executable."
                        + hint(), "");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
        List<String> commandLine = new ArrayList<>();
        commandLine.add(executable);
        commandLine.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(commandLine);
        builder.environment().clear();
        builder.environment().putAll(paths.environment());
        builder.environment().put("PATH", path);
        builder.environment().putAll(env);
        builder.environment().put("KUBERNETES_EXEC_INFO", execInfo().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ExecPluginException("The credential plugin '" + command + "' could not be started: "
                    + e.getMessage() + "." + hint(), "");
        }
        try {
            process.getOutputStream().close();
            // Both streams read aside, so that waiting (not reading) is what blocks: a wait can time out and be
            // interrupted (Cancel in the window); a read of a pipe the plugin keeps open can be neither.
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()), OWN_THREAD);
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()), OWN_THREAD);
            if (!CancellableWaits.during(() -> process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))) {
                stop(process);
                String errors = lastLines(stderr.completeOnTimeout("", 1, TimeUnit.SECONDS).join());
                throw ExecPluginException.timedOut("The credential plugin '" + command + "' did not finish within "
                        + seconds(timeout) + " and was stopped" + (errors.isEmpty() ? "." : "; it printed: " + errors), errors);
            }
            String errors = lastLines(stderr.join());
            if (process.exitValue() != 0) {
                throw new ExecPluginException("The credential plugin '" + command + "' failed with exit code "
                        + process.exitValue() + (errors.isEmpty() ? "." : ": " + errors), errors);
            }
            return parse(output.join(), errors);
        } catch (ExecPluginException e) {
            throw e;
        } catch (IOException | CompletionException e) {
            throw new ExecPluginException("Reading from the credential plugin '" + command + "' failed: " + e.getMessage(), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        } finally {
            stop(process);
        }
    }

    /**
     * The plugin and whatever it started (a shell script's {@code sleep} would otherwise keep our pipes open);
     * the plugin first, so that a shell cannot report its child's end on the stderr we show.
     */
    private static void stop(Process process) {
        List<ProcessHandle> started = process.descendants().toList();
        process.destroyForcibly();
        started.forEach(ProcessHandle::destroyForcibly);
    }

    private ExecPluginException notFound(LoginShell paths, LoginShell.Answer login) {
        String own = paths.ownPath().isEmpty() ? "an empty PATH" : "the PATH Wheelhouse has (" + paths.ownPath() + ")";
        String added = LoginShell.addedBy(login.path(), paths.ownPath());
        String shell = !login.failure().isEmpty() ? "no login shell PATH to add to it (" + login.failure() + ")"
                : added.isEmpty() ? "nothing the login shell's PATH adds to it"
                : "what the login shell's PATH adds to it (" + added + ")";
        return new ExecPluginException("The credential plugin '" + command + "' was not found: searched "
                + own + " and " + shell + "." + hint(), "");
    }

    private String hint() {
        return installHint.isBlank() ? "" : " " + installHint.strip();
    }

    private ExecPluginException interrupted() {
        return new ExecPluginException("Cancelled while the credential plugin '" + command + "' ran; it was stopped.", "");
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** Names the command only: env values and cluster data may be secret. */
    @Override
    public String toString() {
        return "ExecPlugin[" + command + "]";
    }

    private JsonObject execInfo() {
        JsonObject spec = new JsonObject();
        spec.addProperty("interactive", false);
        cluster.ifPresent(info -> spec.add("cluster", info));
        JsonObject info = new JsonObject();
        info.addProperty("apiVersion", apiVersion);
        info.addProperty("kind", "ExecCredential");
        info.add("spec", spec);
        return info;
    }

    /** Failures describe stdout's shape, never its content: it holds the credential. */
    private ExecCredential parse(String stdout, String errors) throws ExecPluginException {
        JsonObject status;
        try {
            JsonElement root = JsonParser.parseString(stdout);
            if (!root.isJsonObject() || !"ExecCredential".equals(text(root.getAsJsonObject().get("kind")))) {
                throw invalid("its output is not an ExecCredential", errors);
            }
            String answered = text(root.getAsJsonObject().get("apiVersion"));
            if (!answered.equals(apiVersion)) {
                throw invalid("it answered apiVersion '" + answered + "' where '" + apiVersion + "' was asked for", errors);
            }
            status = root.getAsJsonObject().getAsJsonObject("status");
        } catch (JsonParseException | IllegalStateException | ClassCastException e) {
            throw invalid("its output is not JSON", errors);
        }
        if (status == null) {
            throw invalid("its ExecCredential has no status", errors);
        }
        String token = optional(status, "token");
        String certificate = optional(status, "clientCertificateData");
        String key = optional(status, "clientKeyData");
        if (token == null && (certificate == null || key == null)) {
            throw invalid("its ExecCredential holds neither a token nor a client certificate and key", errors);
        }
        Optional<Instant> expiration;
        try {
            expiration = Optional.ofNullable(optional(status, "expirationTimestamp")).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw invalid("its expirationTimestamp is not an RFC 3339 time", errors);
        }
        return new ExecCredential(token, certificate, key, expiration);
    }

    private ExecPluginException invalid(String why, String errors) {
        return new ExecPluginException("The credential plugin '" + command + "' gave no usable credential: " + why + ".", errors);
    }

    private static String optional(JsonObject object, String key) {
        JsonElement value = object.get(key);
        return value == null || value.isJsonNull() || value.getAsString().isEmpty() ? null : value.getAsString();
    }

    private static String lastLines(String text) {
        List<String> lines = Arrays.stream(text.split("\\R")).filter(line -> !line.isBlank()).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - STDERR_LINES), lines.size()));
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String text(Object value) {
        if (value instanceof JsonElement json) {
            return json.isJsonPrimitive() ? json.getAsString() : "";
        }
        return value == null ? "" : value.toString();
    }
}

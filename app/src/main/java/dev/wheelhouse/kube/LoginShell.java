package dev.wheelhouse.kube;

import dev.wheelhouse.model.CancellableWaits;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the user's interactive login shell would give a command: its PATH and its KUBECONFIG. An app started from a
 * desktop menu (or the macOS Dock) gets an environment without what the shell's start-up files add: a short PATH
 * without {@code ~/.local/bin}, Homebrew or SDK managers, where credential plugins such as {@code aws} or
 * {@code kubelogin} usually live, and no KUBECONFIG, so kubectl in a terminal and the app would read different
 * files. So a command is looked up on our PATH first, and then on the PATH that {@code $SHELL -ilc} prints; and a
 * window started without a terminal and without KUBECONFIG reads the files the shell's KUBECONFIG names. The shell
 * is asked once and its answer kept.
 */
public final class LoginShell {
    /** Start-up files may print greetings; only what stands between two markers is the PATH. */
    private static final String MARKER = "_WHEELHOUSE_LOGIN_PATH_";
    /** Before what {@code printenv NAME} prints (nothing when the shell does not export it), then the name and this. */
    private static final String VARIABLE_MARKER = "_WHEELHOUSE_VARIABLE_";
    private static final String VARIABLES_END = "_WHEELHOUSE_VARIABLES_END_";
    /** Where kubectl would find its kubeconfigs and proxies, besides PATH. */
    private static final List<String> EXPORTED = List.of("KUBECONFIG", "HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
            "http_proxy", "NO_PROXY", "no_proxy");
    private static final List<String> PROXY_VARIABLES = EXPORTED.subList(1, EXPORTED.size());
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(5);
    /** How long what wants the shell's variables waits for an answer {@link #askSoon} asked for. */
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
    private static final LoginShell OF_THIS_PROCESS = new LoginShell(System.getenv(), SHELL_TIMEOUT);

    private final Map<String, String> environment;
    private final Duration shellTimeout;
    private Answer answer;
    /** The answer once {@link #askInBackground} asked for it; null before. */
    private volatile CompletableFuture<Answer> asked;

    /**
     * The login shell's PATH as the shell printed it, or "" and why there is none; and those of {@link #EXPORTED}
     * it exports, with their values.
     */
    record Answer(String path, Map<String, String> exported, String failure) {
        static Answer none(String failure) {
            return new Answer("", Map.of(), failure);
        }

        String kubeconfig() {
            return exported.getOrDefault("KUBECONFIG", "");
        }
    }

    LoginShell(Map<String, String> environment, Duration shellTimeout) {
        this.environment = Map.copyOf(environment);
        this.shellTimeout = shellTimeout;
    }

    /** For this process's own environment: the shell is asked at most once per run of Wheelhouse. */
    static LoginShell ofThisProcess() {
        return OF_THIS_PROCESS;
    }

    /**
     * For a process started without a terminal: starts asking its login shell, on a thread of its own, so that the
     * answer is in by the time the window wants it (the toolkit takes a second or more to start meanwhile). From then
     * on its KUBECONFIG ({@link #kubeconfigIfAsked}) and proxies ({@link #environment}) count.
     */
    public static void askSoon() {
        OF_THIS_PROCESS.askInBackground();
    }

    /** The KUBECONFIG this process's login shell exports, if {@link #askSoon} asked; else, or none, "". */
    public static String kubeconfigIfAsked() {
        return OF_THIS_PROCESS.askedAnswer().kubeconfig();
    }

    synchronized void askInBackground() {
        if (asked == null) {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            asked = answer;
            daemon(() -> {
                try {
                    answer.complete(shellAnswer());
                } catch (InterruptedException | RuntimeException e) {
                    answer.complete(Answer.none(e.toString()));
                }
            }).start();
        }
    }

    /** The answer {@link #askInBackground} asked for, waited for at most a few seconds; none if not asked. */
    private Answer askedAnswer() {
        CompletableFuture<Answer> pending = asked;
        if (pending == null) {
            return Answer.none("not asked");
        }
        try {
            return pending.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Answer.none("no answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answer.none("interrupted");
        }
    }

    /**
     * The environment credential plugins start with and proxies are chosen from: ours; and, once the login shell was
     * {@link #askInBackground asked}, the proxy variables it exports if we have none (kubectl in the user's terminal
     * would go through that proxy).
     */
    Map<String, String> environment() {
        if (asked == null || PROXY_VARIABLES.stream().anyMatch(environment::containsKey)) {
            return environment;
        }
        Map<String, String> merged = new HashMap<>(environment);
        askedAnswer().exported().forEach((name, value) -> {
            if (PROXY_VARIABLES.contains(name)) {
                merged.put(name, value);
            }
        });
        return Map.copyOf(merged);
    }

    String ownPath() {
        return environment.getOrDefault("PATH", "");
    }

    /** Asks the login shell on the first call (blocking up to the shell timeout); later calls answer at once. */
    synchronized Answer shellAnswer() throws InterruptedException {
        if (answer == null) {
            answer = askShell();
        }
        return answer;
    }

    /** Our PATH, then the directories only the login shell's PATH has. */
    static String combined(String ownPath, String loginPath) {
        String added = addedBy(loginPath, ownPath);
        return ownPath.isEmpty() ? added : added.isEmpty() ? ownPath : ownPath + File.pathSeparator + added;
    }

    /** The directories of {@code loginPath} that {@code ownPath} lacks, in order. */
    static String addedBy(String loginPath, String ownPath) {
        Set<String> own = new HashSet<>(Arrays.asList(ownPath.split(File.pathSeparator)));
        Set<String> added = new LinkedHashSet<>();
        for (String directory : loginPath.split(File.pathSeparator)) {
            if (!directory.isEmpty() && !own.contains(directory)) {
                added.add(directory);
            }
        }
        return String.join(File.pathSeparator, added);
    }

    /** The first executable file named {@code command} in a directory of {@code path}. */
    static Optional<Path> find(String command, String path) {
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Answer askShell() throws InterruptedException {
        String shell = environment.getOrDefault("SHELL", "");
        if (shell.isBlank()) {
            return Answer.none("$SHELL is not set");
        }
        StringBuilder command = new StringBuilder("printf '" + MARKER + "%s" + MARKER + "' \"$PATH\"");
        for (String name : EXPORTED) {
            command.append("; printf ").append(VARIABLE_MARKER).append(name).append("_; printenv ").append(name);
        }
        command.append("; printf ").append(VARIABLES_END);
        ProcessBuilder builder = new ProcessBuilder(shell, "-ilc", command.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return Answer.none(shell + " could not be started: " + e.getMessage());
        }
        try {
            // stdin closed: a start-up file that asks something gets no answer instead of waiting for one.
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    task -> daemon(task).start());
            if (!CancellableWaits.during(() -> process.waitFor(shellTimeout.toMillis(), TimeUnit.MILLISECONDS))) {
                return Answer.none(shell + " did not answer within " + shellTimeout.toSeconds() + " s");
            }
            // A process the start-up files left running may hold the pipe open: the shell's own output is in by now.
            String printed = output.get(1, TimeUnit.SECONDS);
            int end = printed.lastIndexOf(MARKER);
            int start = end < 0 ? -1 : printed.lastIndexOf(MARKER, end - 1);
            if (start < 0 || end - start - MARKER.length() <= 0) {
                return Answer.none(shell + " printed no PATH (exit code " + process.exitValue() + ")");
            }
            return new Answer(printed.substring(start + MARKER.length(), end), exported(printed), "");
        } catch (IOException | ExecutionException | TimeoutException e) {
            return Answer.none("reading the PATH from " + shell + " failed: " + e.getMessage());
        } finally {
            List<ProcessHandle> started = process.descendants().toList();
            process.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** What printenv printed for each of {@link #EXPORTED}, without its line feed; the empty ones left out. */
    private static Map<String, String> exported(String printed) {
        Map<String, String> values = new HashMap<>();
        int end = printed.lastIndexOf(VARIABLES_END);
        for (int i = EXPORTED.size() - 1; i >= 0 && end >= 0; i--) {
            String marker = VARIABLE_MARKER + EXPORTED.get(i) + "_";
            int start = printed.lastIndexOf(marker, end);
            if (start < 0) {
                return Map.of();
            }
            String value = printed.substring(start + marker.length(), end);
            value = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
            if (!value.isEmpty()) {
                values.put(EXPORTED.get(i), value);
            }
            end = start;
        }
        return Map.copyOf(values);
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "wheelhouse-login-shell-path");
        thread.setDaemon(true);
        return thread;
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}

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
    /** Around what {@code printenv KUBECONFIG} prints: nothing when the shell does not export it. */
    private static final String KUBECONFIG_MARKER = "_WHEELHOUSE_KUBECONFIG_";
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(5);
    private static final LoginShell OF_THIS_PROCESS = new LoginShell(System.getenv(), SHELL_TIMEOUT);
    /** This process's shell's answer once {@link #askSoon} asked for it; null before. */
    private static volatile CompletableFuture<Answer> asked;

    private final Map<String, String> environment;
    private final Duration shellTimeout;
    private Answer answer;

    /**
     * The login shell's PATH as the shell printed it, or "" and why there is none; and the KUBECONFIG it exports,
     * or "".
     */
    record Answer(String path, String kubeconfig, String failure) {
        static Answer none(String failure) {
            return new Answer("", "", failure);
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
     * Starts asking this process's login shell, on a thread of its own, so that its answer is in by the time the
     * window wants it (the toolkit takes a second or more to start meanwhile).
     */
    public static synchronized void askSoon() {
        if (asked == null) {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            asked = answer;
            daemon(() -> {
                try {
                    answer.complete(OF_THIS_PROCESS.loginPath());
                } catch (InterruptedException | RuntimeException e) {
                    answer.complete(Answer.none(e.toString()));
                }
            }).start();
        }
    }

    /**
     * The KUBECONFIG this process's login shell exports, if {@link #askSoon} asked for it, waiting for the answer at
     * most {@code wait}; "" when not asked, not exported or not answered in time.
     */
    public static String kubeconfigIfAsked(Duration wait) {
        CompletableFuture<Answer> answer = asked;
        if (answer == null) {
            return "";
        }
        try {
            return answer.get(wait.toMillis(), TimeUnit.MILLISECONDS).kubeconfig();
        } catch (TimeoutException | ExecutionException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The environment commands are started with. */
    Map<String, String> environment() {
        return environment;
    }

    String ownPath() {
        return environment.getOrDefault("PATH", "");
    }

    /** Asks the login shell on the first call (blocking up to the shell timeout); later calls answer at once. */
    synchronized Answer loginPath() throws InterruptedException {
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
        String command = "printf '" + MARKER + "%s" + MARKER + "' \"$PATH\"; printf " + KUBECONFIG_MARKER
                + "; printenv KUBECONFIG; printf " + KUBECONFIG_MARKER;
        ProcessBuilder builder = new ProcessBuilder(shell, "-ilc", command)
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
            return new Answer(printed.substring(start + MARKER.length(), end), exportedKubeconfig(printed), "");
        } catch (IOException | ExecutionException | TimeoutException e) {
            return Answer.none("reading the PATH from " + shell + " failed: " + e.getMessage());
        } finally {
            List<ProcessHandle> started = process.descendants().toList();
            process.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** What printenv printed between the KUBECONFIG markers, without its line feed. */
    private static String exportedKubeconfig(String printed) {
        int end = printed.lastIndexOf(KUBECONFIG_MARKER);
        int start = end < 0 ? -1 : printed.lastIndexOf(KUBECONFIG_MARKER, end - 1);
        if (start < 0) {
            return "";
        }
        String value = printed.substring(start + KUBECONFIG_MARKER.length(), end);
        return value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
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

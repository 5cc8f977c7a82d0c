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
 * Finds commands as the user's interactive login shell would. An app started from a desktop menu gets a short
 * PATH without what the shell's start-up files add ({@code ~/.local/bin}, Homebrew, SDK managers), where
 * credential plugins such as {@code aws} or {@code kubelogin} usually live. So a command is looked up on our PATH
 * first, and then on the PATH that {@code $SHELL -ilc} prints: asked once, when first needed, and kept.
 */
final class LoginShellPath {
    /** Start-up files may print greetings; only what stands between two markers is the PATH. */
    private static final String MARKER = "_WHEELHOUSE_LOGIN_PATH_";
    private static final Duration SHELL_TIMEOUT = Duration.ofSeconds(5);
    private static final LoginShellPath OF_THIS_PROCESS = new LoginShellPath(System.getenv(), SHELL_TIMEOUT);

    private final Map<String, String> environment;
    private final Duration shellTimeout;
    private Answer answer;

    /** The login shell's PATH as the shell printed it, or "" and why there is none. */
    record Answer(String path, String failure) {
    }

    LoginShellPath(Map<String, String> environment, Duration shellTimeout) {
        this.environment = Map.copyOf(environment);
        this.shellTimeout = shellTimeout;
    }

    /** For this process's own environment: the shell is asked at most once per run of Wheelhouse. */
    static LoginShellPath ofThisProcess() {
        return OF_THIS_PROCESS;
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
            return new Answer("", "$SHELL is not set");
        }
        ProcessBuilder builder = new ProcessBuilder(shell, "-ilc", "printf '" + MARKER + "%s" + MARKER + "' \"$PATH\"")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new Answer("", shell + " could not be started: " + e.getMessage());
        }
        try {
            // stdin closed: a start-up file that asks something gets no answer instead of waiting for one.
            process.getOutputStream().close();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                    task -> daemon(task).start());
            if (!CancellableWaits.during(() -> process.waitFor(shellTimeout.toMillis(), TimeUnit.MILLISECONDS))) {
                return new Answer("", shell + " did not answer within " + shellTimeout.toSeconds() + " s");
            }
            // A process the start-up files left running may hold the pipe open: the shell's own output is in by now.
            String printed = output.get(1, TimeUnit.SECONDS);
            int end = printed.lastIndexOf(MARKER);
            int start = end < 0 ? -1 : printed.lastIndexOf(MARKER, end - 1);
            if (start < 0 || end - start - MARKER.length() <= 0) {
                return new Answer("", shell + " printed no PATH (exit code " + process.exitValue() + ")");
            }
            return new Answer(printed.substring(start + MARKER.length(), end), "");
        } catch (IOException | ExecutionException | TimeoutException e) {
            return new Answer("", "reading the PATH from " + shell + " failed: " + e.getMessage());
        } finally {
            List<ProcessHandle> started = process.descendants().toList();
            process.destroyForcibly();
            started.forEach(ProcessHandle::destroyForcibly);
        }
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

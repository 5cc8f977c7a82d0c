package dev.wheelhouse.service;

import dev.wheelhouse.kube.KubeconfigException;
import dev.wheelhouse.kube.LoginShell;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Which kubeconfig files to read, decided the way kubectl decides it. */
public final class KubeconfigFiles {
    private KubeconfigFiles() {
    }

    /**
     * An explicit file (the {@code --kubeconfig} flag) wins; otherwise every entry of
     * {@code KUBECONFIG}, in order, without duplicates; otherwise {@code ~/.kube/config}.
     * Files of the list that do not exist are skipped later, as kubectl skips them. As for kubectl, only an
     * unset or empty {@code KUBECONFIG} means {@code ~/.kube/config}: one of blanks or separators names no file.
     *
     * @throws KubeconfigException with kubectl's own words when the explicit file does not exist
     */
    public static List<Path> resolve(String explicitFile, String kubeconfigEnv, Path home) {
        if (explicitFile != null && !explicitFile.isBlank()) {
            Path file = Path.of(explicitFile).toAbsolutePath().normalize();
            if (!Files.exists(file)) {
                throw new KubeconfigException("stat " + explicitFile + ": no such file or directory");
            }
            return List.of(file);
        }
        if (kubeconfigEnv != null && !kubeconfigEnv.isEmpty()) {
            Set<Path> files = new LinkedHashSet<>();
            for (String entry : kubeconfigEnv.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    files.add(Path.of(entry).toAbsolutePath().normalize());
                }
            }
            return new ArrayList<>(files);
        }
        return List.of(home.resolve(".kube").resolve("config"));
    }

    public static List<Path> fromEnvironment(String explicitFile) {
        return resolve(explicitFile, System.getenv("KUBECONFIG"), Path.of(System.getProperty("user.home")));
    }

    /**
     * For the window: as {@link #fromEnvironment}, except that a process started without KUBECONFIG and without a
     * terminal, which asked its login shell ({@link LoginShell#askSoon}), reads the files the shell's KUBECONFIG
     * names: those kubectl reads in the user's terminal. The shell's answer is waited for at most a few seconds.
     */
    public static List<Path> forWindow(String explicitFile) {
        String kubeconfig = explicitFile != null && !explicitFile.isBlank() ? null
                : kubeconfigVariable(System.getenv("KUBECONFIG"), LoginShell::kubeconfigIfAsked);
        return resolve(explicitFile, kubeconfig, Path.of(System.getProperty("user.home")));
    }

    /**
     * Whether a window's start should ask the login shell for its KUBECONFIG: only when started without a terminal
     * (a desktop menu, which does not read the shell's start-up files), without {@code --kubeconfig} and without a
     * KUBECONFIG of its own (unset or empty, as kubectl reads it).
     */
    public static boolean asksLoginShell(String explicitFile, String kubeconfigEnv, boolean fromTerminal) {
        return !fromTerminal && (explicitFile == null || explicitFile.isBlank()) && (kubeconfigEnv == null || kubeconfigEnv.isEmpty());
    }

    /** Our own KUBECONFIG when it is set and not empty (as kubectl reads it), else the login shell's. */
    static String kubeconfigVariable(String own, Supplier<String> loginShells) {
        return own != null && !own.isEmpty() ? own : loginShells.get();
    }
}

package dev.wheelhouse.service;

import dev.wheelhouse.kube.KubeconfigException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
}

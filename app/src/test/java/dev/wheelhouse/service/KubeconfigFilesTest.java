package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.kube.KubeconfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigFilesTest {
    private final Path home = Path.of("/home/student");
    @TempDir
    Path dir;

    @Test
    void explicitFileWins() throws IOException {
        Path file = Files.writeString(dir.resolve("k.yaml"), "");

        assertThat(KubeconfigFiles.resolve(file.toString(), "/a:/b", home)).containsExactly(file);
    }

    @Test
    void aMissingExplicitFileIsAnErrorInKubectlsWords() {
        String missing = dir.resolve("nope.yaml").toString();

        assertThatThrownBy(() -> KubeconfigFiles.resolve(missing, "/a:/b", home))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage("stat " + missing + ": no such file or directory");
    }

    @Test
    void kubeconfigListKeepsOrderAndDropsDuplicatesAndBlanks() {
        // Missing entries of the list are kept here and skipped when read, as kubectl skips them.
        assertThat(KubeconfigFiles.resolve(null, "/a::/b:/a", home)).containsExactly(Path.of("/a"), Path.of("/b"));
    }

    @Test
    void defaultsToKubeConfigInHome() {
        assertThat(KubeconfigFiles.resolve(null, "", home)).containsExactly(Path.of("/home/student/.kube/config"));
    }
}

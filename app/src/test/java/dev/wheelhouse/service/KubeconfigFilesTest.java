package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KubeconfigFilesTest {
    private final Path home = Path.of("/home/student");

    @Test
    void explicitFileWins() {
        assertThat(KubeconfigFiles.resolve("/tmp/k.yaml", "/a:/b", home)).containsExactly(Path.of("/tmp/k.yaml"));
    }

    @Test
    void kubeconfigListKeepsOrderAndDropsDuplicatesAndBlanks() {
        assertThat(KubeconfigFiles.resolve(null, "/a::/b:/a", home)).containsExactly(Path.of("/a"), Path.of("/b"));
    }

    @Test
    void defaultsToKubeConfigInHome() {
        assertThat(KubeconfigFiles.resolve(null, "", home)).containsExactly(Path.of("/home/student/.kube/config"));
    }
}

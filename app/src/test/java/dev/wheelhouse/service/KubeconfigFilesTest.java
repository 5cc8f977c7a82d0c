package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.kube.KubeconfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @Test
    void aKubeconfigOfBlanksOrSeparatorsNamesNoFileAndDoesNotFallBackToHome() {
        assertThat(KubeconfigFiles.resolve(null, " ", home)).isEmpty();
        assertThat(KubeconfigFiles.resolve(null, "::", home)).isEmpty();
        assertThat(KubeconfigFiles.resolve(null, null, home)).containsExactly(Path.of("/home/student/.kube/config"));
    }

    @Test
    void ourOwnKubeconfigWinsAndTheLoginShellsStandsInOnlyForAnUnsetOrEmptyOne() {
        assertThat(KubeconfigFiles.kubeconfigVariable("/a:/b", () -> "/from/shell")).isEqualTo("/a:/b");
        assertThat(KubeconfigFiles.kubeconfigVariable("", () -> "/from/shell")).isEqualTo("/from/shell");
        assertThat(KubeconfigFiles.kubeconfigVariable(null, () -> "/from/shell")).isEqualTo("/from/shell");
        // A blank one is set (it names no file, as for kubectl): the shell is not asked.
        assertThat(KubeconfigFiles.kubeconfigVariable(" ", () -> { throw new AssertionError("asked"); })).isEqualTo(" ");
        // Nothing from the shell either: ~/.kube/config.
        assertThat(KubeconfigFiles.resolve(null, KubeconfigFiles.kubeconfigVariable(null, () -> ""), home))
                .containsExactly(Path.of("/home/student/.kube/config"));
    }

    @Test
    void onlyAStartWithoutTerminalKubeconfigFlagOrKubeconfigAsksTheLoginShell() {
        assertThat(KubeconfigFiles.asksLoginShell(null, null, false)).isTrue();
        assertThat(KubeconfigFiles.asksLoginShell(null, "", false)).as("empty is unset, as for kubectl").isTrue();
        assertThat(KubeconfigFiles.asksLoginShell(null, null, true)).as("from a terminal").isFalse();
        assertThat(KubeconfigFiles.asksLoginShell("/k.yaml", null, false)).as("--kubeconfig").isFalse();
        assertThat(KubeconfigFiles.asksLoginShell(null, "/a:/b", false)).as("our own KUBECONFIG").isFalse();
    }

    /** Asks the sandbox's kubectl (no cluster is contacted) whether it reads ~/.kube/config for this KUBECONFIG. */
    @Tag("cluster")
    @ParameterizedTest
    @ValueSource(strings = {"", " ", ":", "::", "/nowhere::/nowhere"})
    void kubectlFallsBackToHomeExactlyWhenWeDo(String kubeconfigEnv) throws IOException, InterruptedException {
        Path config = dir.resolve(".kube/config");
        Files.createDirectories(config.getParent());
        Files.writeString(config, "contexts: [{name: from-home, context: {cluster: c}}]\n");
        String bin = System.getenv("WHEELHOUSE_SANDBOX_BIN");
        assertThat(bin).as("WHEELHOUSE_SANDBOX_BIN (./run-tests sets it)").isNotBlank();
        ProcessBuilder builder = new ProcessBuilder(Path.of(bin, "kubectl").toString(), "config", "get-contexts", "-o", "name")
                .redirectErrorStream(true);
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("KUBECONFIG", kubeconfigEnv);
        Process kubectl = builder.start();
        String output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(output).isZero();

        assertThat(KubeconfigFiles.resolve(null, kubeconfigEnv, dir).contains(config)).isEqualTo(output.contains("from-home"));
    }
}

package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting the sandbox from the app: a stand-in sandbox/up with the real one's contract (progress on stderr, export last). */
class SandboxStarterTest {
    @TempDir
    Path repository;

    private Path script(String body) throws IOException {
        Path up = repository.resolve("sandbox").resolve("up");
        Files.createDirectories(up.getParent());
        Files.writeString(up, "#!/usr/bin/env bash\n" + body);
        Files.setPosixFilePermissions(up, PosixFilePermissions.fromString("rwxr-xr-x"));
        return up;
    }

    @Test
    void progressComesLineByLineAndTheKubeconfigFromTheLastLine() throws Exception {
        script("""
                echo "[sandbox] building" >&2
                echo "some other output"
                echo "[sandbox] starting the cluster" >&2
                echo "export KUBECONFIG=/tmp/sandbox/kubeconfig"
                """);
        List<String> progress = new CopyOnWriteArrayList<>();
        SandboxStarter starter = new SandboxStarter(SandboxStarter.above(repository.resolve("app").resolve("target")));
        assertThat(starter.available()).isTrue();
        assertThat(starter.start(progress::add)).isEqualTo(Path.of("/tmp/sandbox/kubeconfig"));
        assertThat(progress).containsExactly("[sandbox] building", "[sandbox] starting the cluster");
    }

    @Test
    void aFailingScriptIsAFailureWithItsExitCode() throws Exception {
        Path up = script("echo '[sandbox] no docker here' >&2\nexit 3\n");
        List<String> progress = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> new SandboxStarter(up).start(progress::add)).hasMessageContaining("exit code 3");
        assertThat(progress).containsExactly("[sandbox] no docker here");
    }

    @Test
    void withoutTheSourceItSaysHowToGetTheSandbox() {
        SandboxStarter starter = new SandboxStarter(SandboxStarter.above(repository));
        assertThat(starter.available()).isFalse();
        assertThatThrownBy(() -> starter.start(line -> { })).hasMessage(SandboxStarter.WITHOUT_SOURCE);
    }
}

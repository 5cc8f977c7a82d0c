package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The login shell's PATH, asked of small scripts standing in for {@code $SHELL}, never of the developer's shell. */
class LoginShellPathTest {
    private static final String MINIMAL_PATH = "/usr/bin:/bin";

    @TempDir
    Path dir;

    @Test
    void readsThePathBetweenTheMarkersPastWhatStartUpFilesPrintAndAsksOnce() throws Exception {
        Path runs = dir.resolve("runs");
        // Prints around the command as start-up files do, then runs it as `sh -c`, with the arguments a shell gets.
        Path shell = script("shell", """
                #!/bin/sh
                echo x >> '%s'
                echo "Welcome back! Last login: today"
                [ "$1" = "-ilc" ] || exit 9
                PATH="/opt/tools/bin:$HOME/.local/bin:$PATH"; export PATH
                /bin/sh -c "$2"
                echo "bye from .bash_logout"
                """.formatted(runs));
        LoginShellPath paths = new LoginShellPath(Map.of("PATH", MINIMAL_PATH, "SHELL", shell.toString(),
                "HOME", "/home/someone"), Duration.ofSeconds(5));

        assertThat(paths.loginPath()).isEqualTo(new LoginShellPath.Answer(
                "/opt/tools/bin:/home/someone/.local/bin:" + MINIMAL_PATH, ""));
        assertThat(paths.loginPath().path()).startsWith("/opt/tools/bin:");
        assertThat(Files.readAllLines(runs)).as("the shell is asked once").hasSize(1);
    }

    @Test
    void withoutAShellOrAnAnswerFromItThereIsNoLoginPathAndTheReason() throws Exception {
        assertThat(new LoginShellPath(Map.of("PATH", MINIMAL_PATH), Duration.ofSeconds(5)).loginPath())
                .isEqualTo(new LoginShellPath.Answer("", "$SHELL is not set"));

        Path failing = script("failing-shell", "#!/bin/sh\necho 'broken .zshrc' >&2\nexit 1\n");
        assertThat(new LoginShellPath(Map.of("SHELL", failing.toString()), Duration.ofSeconds(5)).loginPath())
                .isEqualTo(new LoginShellPath.Answer("", failing + " printed no PATH (exit code 1)"));

        Path hanging = script("hanging-shell", "#!/bin/sh\nsleep 60\n");
        long start = System.nanoTime();
        LoginShellPath.Answer answer = new LoginShellPath(Map.of("SHELL", hanging.toString()), Duration.ofSeconds(1)).loginPath();
        assertThat(answer).isEqualTo(new LoginShellPath.Answer("", hanging + " did not answer within 1 s"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void ourPathComesFirstAndTheLoginShellAddsOnlyWhatItLacks() {
        assertThat(LoginShellPath.addedBy("/home/a/bin:/usr/bin:/opt/x:/home/a/bin", "/usr/bin:/bin")).isEqualTo("/home/a/bin:/opt/x");
        assertThat(LoginShellPath.combined("/usr/bin:/bin", "/home/a/bin:/usr/bin")).isEqualTo("/usr/bin:/bin:/home/a/bin");
        assertThat(LoginShellPath.combined("/usr/bin", "")).isEqualTo("/usr/bin");
        assertThat(LoginShellPath.combined("", "/opt/x")).isEqualTo("/opt/x");
    }

    @Test
    void findsOnlyExecutableFilesInPathOrder() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(first.resolve("tool"), "not executable");
        Files.createDirectories(first.resolve("tool-dir"));
        Path tool = script("second/tool", "#!/bin/sh\n");

        assertThat(LoginShellPath.find("tool", first + ":" + second)).contains(tool);
        assertThat(LoginShellPath.find("tool-dir", first + ":" + second)).isEmpty();
    }

    private Path script(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}

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
class LoginShellTest {
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
        LoginShell paths = new LoginShell(Map.of("PATH", MINIMAL_PATH, "SHELL", shell.toString(),
                "HOME", "/home/someone"), Duration.ofSeconds(5));

        assertThat(paths.shellAnswer()).isEqualTo(new LoginShell.Answer(
                "/opt/tools/bin:/home/someone/.local/bin:" + MINIMAL_PATH, Map.of(), ""));
        assertThat(paths.shellAnswer().path()).startsWith("/opt/tools/bin:");
        assertThat(Files.readAllLines(runs)).as("the shell is asked once").hasSize(1);
    }

    @Test
    void readsTheKubeconfigAndProxiesTheShellExportsAndNotThoseItOnlySets() throws Exception {
        // As a .zshrc would: a list of two files, one with a space in its folder's name, and a proxy.
        Path exporting = script("exporting-shell", """
                #!/bin/sh
                echo "Welcome back!"
                KUBECONFIG="/home/someone/.kube/config:/home/someone/work clusters/eks.yaml"; export KUBECONFIG
                https_proxy=http://proxy.corp.example:3128; export https_proxy
                NO_PROXY=.corp.example; export NO_PROXY
                /bin/sh -c "$2"
                """);
        assertThat(new LoginShell(Map.of("PATH", MINIMAL_PATH, "SHELL", exporting.toString()), Duration.ofSeconds(5)).shellAnswer())
                .isEqualTo(new LoginShell.Answer(MINIMAL_PATH, Map.of(
                        "KUBECONFIG", "/home/someone/.kube/config:/home/someone/work clusters/eks.yaml",
                        "https_proxy", "http://proxy.corp.example:3128", "NO_PROXY", ".corp.example"), ""));

        // Set without export: kubectl started from that shell would not see them either.
        Path setting = script("setting-shell", """
                #!/bin/sh
                KUBECONFIG=/home/someone/.kube/other
                HTTPS_PROXY=http://proxy.corp.example:3128
                /bin/sh -c "$2"
                """);
        assertThat(new LoginShell(Map.of("PATH", MINIMAL_PATH, "SHELL", setting.toString()), Duration.ofSeconds(5)).shellAnswer())
                .isEqualTo(new LoginShell.Answer(MINIMAL_PATH, Map.of(), ""));
    }

    @Test
    void onceAskedTheShellsProxiesJoinAnEnvironmentWithoutAnyAndNeverOverrideOurs() throws Exception {
        Path shell = script("proxy-shell", """
                #!/bin/sh
                HTTPS_PROXY=http://shell-proxy:3128; export HTTPS_PROXY
                /bin/sh -c "$2"
                """);
        LoginShell withoutProxies = new LoginShell(Map.of("PATH", MINIMAL_PATH, "SHELL", shell.toString()), Duration.ofSeconds(5));
        assertThat(withoutProxies.environment()).as("not asked: our own only").doesNotContainKey("HTTPS_PROXY");
        withoutProxies.askInBackground();
        assertThat(withoutProxies.environment()).containsEntry("HTTPS_PROXY", "http://shell-proxy:3128")
                .containsEntry("PATH", MINIMAL_PATH);

        LoginShell withOwnProxy = new LoginShell(Map.of("PATH", MINIMAL_PATH, "SHELL", shell.toString(),
                "no_proxy", "*"), Duration.ofSeconds(5));
        withOwnProxy.askInBackground();
        assertThat(withOwnProxy.environment()).as("ours says something about proxies: the shell's do not count")
                .doesNotContainKey("HTTPS_PROXY");
    }

    @Test
    void withoutAShellOrAnAnswerFromItThereIsNoLoginPathAndTheReason() throws Exception {
        assertThat(new LoginShell(Map.of("PATH", MINIMAL_PATH), Duration.ofSeconds(5)).shellAnswer())
                .isEqualTo(LoginShell.Answer.none("$SHELL is not set"));

        Path failing = script("failing-shell", "#!/bin/sh\necho 'broken .zshrc' >&2\nexit 1\n");
        assertThat(new LoginShell(Map.of("SHELL", failing.toString()), Duration.ofSeconds(5)).shellAnswer())
                .isEqualTo(LoginShell.Answer.none(failing + " printed no PATH (exit code 1)"));

        Path hanging = script("hanging-shell", "#!/bin/sh\nsleep 60\n");
        long start = System.nanoTime();
        LoginShell.Answer answer = new LoginShell(Map.of("SHELL", hanging.toString()), Duration.ofSeconds(1)).shellAnswer();
        assertThat(answer).isEqualTo(LoginShell.Answer.none(hanging + " did not answer within 1 s"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void ourPathComesFirstAndTheLoginShellAddsOnlyWhatItLacks() {
        assertThat(LoginShell.addedBy("/home/a/bin:/usr/bin:/opt/x:/home/a/bin", "/usr/bin:/bin")).isEqualTo("/home/a/bin:/opt/x");
        assertThat(LoginShell.combined("/usr/bin:/bin", "/home/a/bin:/usr/bin")).isEqualTo("/usr/bin:/bin:/home/a/bin");
        assertThat(LoginShell.combined("/usr/bin", "")).isEqualTo("/usr/bin");
        assertThat(LoginShell.combined("", "/opt/x")).isEqualTo("/opt/x");
    }

    @Test
    void findsOnlyExecutableFilesInPathOrder() throws Exception {
        Path first = Files.createDirectories(dir.resolve("first"));
        Path second = Files.createDirectories(dir.resolve("second"));
        Files.writeString(first.resolve("tool"), "not executable");
        Files.createDirectories(first.resolve("tool-dir"));
        Path tool = script("second/tool", "#!/bin/sh\n");

        assertThat(LoginShell.find("tool", first + ":" + second)).contains(tool);
        assertThat(LoginShell.find("tool-dir", first + ":" + second)).isEmpty();
    }

    private Path script(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}

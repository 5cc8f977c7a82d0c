package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import dev.wheelhouse.model.CancellableWaits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a plugin's command is found, how long it may run, and what it is told when it cannot: with a minimal PATH,
 * as a desktop menu gives, and a script standing in for the login shell.
 */
class ExecPluginCommandTest {
    private static final String V1 = "client.authentication.k8s.io/v1";
    private static final String MINIMAL_PATH = "/usr/bin:/bin";

    @TempDir
    Path dir;

    @Test
    void aCommandOnlyTheLoginShellKnowsIsFoundAndRunsWithThatPath() throws Exception {
        Path loginOnly = Files.createDirectories(dir.resolve("login-only"));
        // Like aws running python: the plugin needs a second tool that only the login shell's PATH has.
        script(loginOnly.resolve("wheelhouse-test-plugin"), "#!/bin/sh\nexec wheelhouse-test-token\n");
        script(loginOnly.resolve("wheelhouse-test-token"), """
                #!/bin/sh
                echo '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"from-login-path"}}'
                """.formatted(V1));
        LoginShell paths = minimalPathWithLoginShellAdding(loginOnly);

        ExecCredential credential = plugin(Map.of("command", "wheelhouse-test-plugin")).run(paths, Duration.ofSeconds(10));

        assertThat(credential.token()).isEqualTo("from-login-path");
    }

    @Test
    void aCommandOnOurPathRunsWithoutAskingTheLoginShell() throws Exception {
        Path asked = dir.resolve("shell-asked");
        Path shell = script(dir.resolve("shell"), "#!/bin/sh\ntouch '" + asked + "'\n/bin/sh -c \"$2\"\n");
        Path ours = Files.createDirectories(dir.resolve("ours"));
        script(ours.resolve("wheelhouse-test-plugin"), """
                #!/bin/sh
                echo '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"from-our-path"}}'
                """.formatted(V1));
        LoginShell paths = new LoginShell(Map.of("PATH", ours + ":" + MINIMAL_PATH, "SHELL", shell.toString()),
                Duration.ofSeconds(5));

        assertThat(plugin(Map.of("command", "wheelhouse-test-plugin")).run(paths, Duration.ofSeconds(10)).token())
                .isEqualTo("from-our-path");
        assertThat(asked).doesNotExist();
    }

    @Test
    void aMissingPluginNamesItsCommandWhereItWasLookedForAndTheInstallHint() throws Exception {
        Path loginOnly = Files.createDirectories(dir.resolve("login-only"));
        LoginShell paths = minimalPathWithLoginShellAdding(loginOnly);
        ExecPlugin plugin = plugin(Map.of("command", "wheelhouse-missing-plugin",
                "installHint", "Install it with: apt-get install wheelhouse-missing-plugin"));

        assertThatThrownBy(() -> plugin.run(paths, Duration.ofSeconds(10)))
                .isInstanceOf(ExecPluginException.class)
                .hasMessage("The credential plugin 'wheelhouse-missing-plugin' was not found: searched the PATH Wheelhouse has ("
                        + MINIMAL_PATH + ") and what the login shell's PATH adds to it (" + loginOnly + ")."
                        + " Install it with: apt-get install wheelhouse-missing-plugin");

        LoginShell noShell = new LoginShell(Map.of("PATH", MINIMAL_PATH), Duration.ofSeconds(5));
        assertThatThrownBy(() -> plugin.run(noShell, Duration.ofSeconds(10)))
                .hasMessageContaining("'wheelhouse-missing-plugin' was not found")
                .hasMessageContaining("no login shell PATH to add to it ($SHELL is not set)")
                .hasMessageEndingWith("Install it with: apt-get install wheelhouse-missing-plugin");

        ExecPlugin byPath = plugin(Map.of("command", dir.resolve("gone").toString(), "installHint", "Ask your admin."));
        assertThatThrownBy(() -> byPath.run(noShell, Duration.ofSeconds(10)))
                .hasMessage("The credential plugin '" + dir.resolve("gone") + "' does not exist or is not executable. Ask your admin.");
    }

    @Test
    void aPluginThatNeverEndsIsStoppedAtItsTimeLimitWithWhatItPrinted() throws Exception {
        String sleep = "sleep " + (100_000 + System.nanoTime() % 100_000);
        Path plugin = script(dir.resolve("waiting-plugin"), """
                #!/bin/sh
                echo "Open https://login.example/device and enter the code" >&2
                %s
                """.formatted(sleep));
        long start = System.nanoTime();

        assertThatThrownBy(() -> plugin(Map.of("command", plugin.toString())).run(ownPathOnly(), Duration.ofSeconds(2)))
                .isInstanceOf(ExecPluginException.class)
                .hasMessage("The credential plugin '" + plugin + "' did not finish within 2 s and was stopped;"
                        + " it printed: Open https://login.example/device and enter the code");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(6));
        assertThat(ProcessHandle.allProcesses().flatMap(p -> p.info().commandLine().stream()))
                .as("what it started was stopped with it").noneMatch(line -> line.contains(plugin.toString()) || line.equals(sleep));
    }

    @Test
    void cancellingTheConnectingThreadStopsThePluginAtOnce() throws Exception {
        Path plugin = script(dir.resolve("waiting-plugin"), "#!/bin/sh\nsleep 1000\n");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread connecting = new Thread(() -> {
            try {
                plugin(Map.of("command", plugin.toString())).run(ownPathOnly(), Duration.ofSeconds(60));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        connecting.start();
        Thread.sleep(500);
        CancellableWaits.cancel(connecting);
        connecting.join(Duration.ofSeconds(5).toMillis());

        assertThat(connecting.isAlive()).isFalse();
        assertThat(failure.get()).isInstanceOf(ExecPluginException.class)
                .hasMessage("Cancelled while the credential plugin '" + plugin + "' ran; it was stopped.");
    }

    @Test
    void aPluginThatAlwaysWantsATerminalIsNotStarted() throws Exception {
        Path started = dir.resolve("started");
        Path plugin = script(dir.resolve("terminal-plugin"), "#!/bin/sh\ntouch '" + started + "'\n");

        assertThatThrownBy(() -> plugin(Map.of("command", plugin.toString(), "interactiveMode", "Always"))
                .run(ownPathOnly(), Duration.ofSeconds(10)))
                .hasMessage("The credential plugin '" + plugin + "' needs a terminal (interactiveMode: Always);"
                        + " Wheelhouse cannot give it one.");
        assertThat(started).doesNotExist();
    }

    /** A minimal PATH, and a login shell that adds {@code directory} after noise from its start-up files. */
    private LoginShell minimalPathWithLoginShellAdding(Path directory) throws IOException {
        Path shell = script(dir.resolve("login-shell"), """
                #!/bin/sh
                echo "Welcome back!"
                PATH="%s:$PATH"; export PATH
                /bin/sh -c "$2"
                """.formatted(directory));
        return new LoginShell(Map.of("PATH", MINIMAL_PATH, "SHELL", shell.toString()), Duration.ofSeconds(5));
    }

    private static LoginShell ownPathOnly() {
        return new LoginShell(Map.of("PATH", MINIMAL_PATH), Duration.ofSeconds(5));
    }

    private static ExecPlugin plugin(Map<String, String> fields) {
        Map<String, Object> exec = new HashMap<>(fields);
        exec.put("apiVersion", V1);
        return ExecPlugin.fromKubeconfig(exec, JsonObject::new);
    }

    private static Path script(Path file, String text) throws IOException {
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }
}

package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.testing.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credential plugins (a kubeconfig user's exec) against the sandbox's API server, which knows the test users'
 * static tokens (sandbox/up). The test plugin hands out the tokens it is given in turn, one per run, each with
 * an expirationTimestamp a few seconds ahead, and counts its runs in a file.
 */
@Tag("cluster")
class ExecPluginTest {
    private static final String CONTEXT = "plugin";
    /** Run n hands out token n of $TOKENS (the last one from then on), valid for $VALID_SECONDS. */
    private static final String TOKEN_PLUGIN = """
            #!/usr/bin/env python3
            import datetime, json, os, sys
            count_file = os.environ["COUNT_FILE"]
            runs = int(open(count_file).read()) if os.path.exists(count_file) else 0
            open(count_file, "w").write(str(runs + 1))
            info = json.loads(os.environ["KUBERNETES_EXEC_INFO"])
            assert info["spec"]["interactive"] is False, info
            tokens = os.environ["TOKENS"].split(",")
            expires = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=int(os.environ["VALID_SECONDS"]))
            json.dump({"apiVersion": info["apiVersion"], "kind": "ExecCredential",
                       "status": {"token": tokens[min(runs, len(tokens) - 1)],
                                  "expirationTimestamp": expires.strftime("%Y-%m-%dT%H:%M:%SZ")}}, sys.stdout)
            """;
    /** Asks for a one-time code, as interactive logins do; with stdin closed it fails at once instead of waiting. */
    private static final String PROMPTING_PLUGIN = """
            #!/bin/sh
            echo "starting the login" >&2
            printf 'one-time code: ' >&2
            if ! read -r code; then
              echo "login failed: no terminal to ask for the one-time code" >&2
              exit 3
            fi
            echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"'"$code"'"}}'
            """;

    @TempDir
    Path dir;

    @Test
    void runsOnceAtConnectAndAgainOnlyAfterTheTokenExpiredWhileTheWatchGoesOn() throws Exception {
        Path count = dir.resolve("runs");
        int validSeconds = 4;
        MergedKubeconfig kubeconfig = kubeconfig(TOKEN_PLUGIN, "client.authentication.k8s.io/v1", count,
                Sandbox.token("plugin-user") + "," + Sandbox.token("plugin-user-2"), validSeconds);
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicBoolean synced = new AtomicBoolean();
        String name = "exec-plugin-test-" + System.nanoTime();

        try (ClusterConnection connection = ClusterConnection.open(kubeconfig, CONTEXT);
             ResourceWatch watch = connection.watch(KindRegistry.NAMESPACE.type(), null, ListSelector.ALL, collect(seen, synced))) {
            assertThat(connection.serverVersion()).startsWith("v1.");
            assertThat(Sandbox.eventually(Duration.ofSeconds(20), synced::get)).isTrue();
            assertThat(runs(count)).as("runs while connecting, listing and watching").isEqualTo(1);

            Thread.sleep(Duration.ofSeconds(validSeconds + 1).toMillis());
            Sandbox.kubectl("create", "namespace", name);
            assertThat(Sandbox.eventually(Duration.ofSeconds(10), () -> seen.contains(name)))
                    .as("the watch delivers after its token expired").isTrue();
            assertThat(connection.serverVersion()).startsWith("v1.");
            assertThat(runs(count)).as("runs after the first token expired and a request needed one").isEqualTo(2);
            assertThat(connection.serverVersion()).startsWith("v1.");
            assertThat(runs(count)).as("the second token is kept while valid").isEqualTo(2);
        } finally {
            Sandbox.kubectlResult("delete", "namespace", name, "--ignore-not-found", "--wait=false");
        }
    }

    @Test
    void aTokenTheServerRejectsIsReplacedAtOnce() throws Exception {
        Path count = dir.resolve("runs");
        // The API server knows no such token and answers 401, as it would to an expired or revoked one.
        MergedKubeconfig kubeconfig = kubeconfig(TOKEN_PLUGIN, "client.authentication.k8s.io/v1beta1", count,
                "revoked-token," + Sandbox.token("plugin-user"), 3600);

        try (ClusterConnection connection = ClusterConnection.open(kubeconfig, CONTEXT)) {
            assertThat(runs(count)).as("runs while connecting").isEqualTo(1);
            assertThat(connection.serverVersion()).startsWith("v1.");
            assertThat(runs(count)).as("runs after the server rejected the first token").isEqualTo(2);
        }
    }

    @Test
    void aFailingPluginFailsTheConnectWithItsOwnWords() throws Exception {
        Path plugin = script("prompting-plugin", PROMPTING_PLUGIN);
        Path file = writeKubeconfig(plugin, "client.authentication.k8s.io/v1", List.of());
        ClusterService service = new ClusterService(List.of(file));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> service.connect(CONTEXT).close())
                        .isInstanceOfSatisfying(ProblemException.class, e -> {
                            Problem problem = e.problem();
                            assertThat(problem.kind()).isEqualTo(Problem.Kind.UNAUTHORIZED);
                            assertThat(problem.message()).contains(plugin.toString(), "exit code 3",
                                    "login failed: no terminal to ask for the one-time code");
                        }));
    }

    /**
     * Launched from a desktop menu: a minimal PATH, and a plugin that, like aws running python, is itself a
     * command found only on the login shell's PATH and runs another from there.
     */
    @Test
    void aPluginOnlyTheLoginShellsPathHasStillConnects() throws Exception {
        Path loginOnly = Files.createDirectories(dir.resolve("login-only"));
        script("login-only/wheelhouse-test-plugin", "#!/bin/sh\nexec wheelhouse-test-token\n");
        script("login-only/wheelhouse-test-token", """
                #!/bin/sh
                echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s"}}'
                """.formatted(Sandbox.token("plugin-user")));
        Path shell = script("login-shell", """
                #!/bin/sh
                echo "Welcome back!"
                PATH="%s:$PATH"; export PATH
                /bin/sh -c "$2"
                """.formatted(loginOnly));
        LoginShell paths = new LoginShell(Map.of("PATH", "/usr/bin:/bin", "SHELL", shell.toString()),
                Duration.ofSeconds(5));
        MergedKubeconfig kubeconfig = MergedKubeconfig.load(List.of(
                writeKubeconfig(Path.of("wheelhouse-test-plugin"), "client.authentication.k8s.io/v1", List.of())));

        try (ClusterConnection connection = ClusterConnection.open(kubeconfig, CONTEXT, step -> { },
                Duration.ofSeconds(10), paths)) {
            assertThat(connection.serverVersion()).startsWith("v1.");
        }
    }

    @Test
    void aPluginThatNeverEndsFailsTheConnectAtItsTimeLimit() throws Exception {
        Path plugin = script("waiting-plugin", "#!/bin/sh\necho 'waiting for the browser login' >&2\nsleep 1000\n");
        MergedKubeconfig kubeconfig = MergedKubeconfig.load(List.of(
                writeKubeconfig(plugin, "client.authentication.k8s.io/v1", List.of())));

        assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
                assertThatThrownBy(() -> ClusterConnection.open(kubeconfig, CONTEXT, step -> { }, Duration.ofSeconds(2)).close())
                        .isInstanceOf(ExecPluginException.class)
                        .hasMessage("The credential plugin '" + plugin + "' did not finish within 2 s and was stopped;"
                                + " it printed: waiting for the browser login")
                        .satisfies(failure -> assertThat(KubeFailures.toProblem(failure, "server").kind())
                                .as("a timeout, not rejected credentials").isEqualTo(Problem.Kind.TIMEOUT)));
    }

    private MergedKubeconfig kubeconfig(String pluginText, String apiVersion, Path count, String tokens, int validSeconds)
            throws IOException {
        Path plugin = script("token-plugin", pluginText);
        return MergedKubeconfig.load(List.of(writeKubeconfig(plugin, apiVersion, List.of(
                "COUNT_FILE", count.toString(), "TOKENS", tokens, "VALID_SECONDS", String.valueOf(validSeconds)))));
    }

    /** A kubeconfig for the sandbox's API server whose only user is the plugin; env is name, value, name, value… */
    private Path writeKubeconfig(Path plugin, String apiVersion, List<String> env) throws IOException {
        String server = Sandbox.kubectl("config", "view", "--minify", "-o", "jsonpath={.clusters[0].cluster.server}");
        String authority = Sandbox.kubectl("config", "view", "--minify", "-o",
                "jsonpath={.clusters[0].cluster.certificate-authority}");
        StringBuilder envYaml = new StringBuilder();
        for (int i = 0; i < env.size(); i += 2) {
            envYaml.append("      - {name: ").append(env.get(i)).append(", value: \"").append(env.get(i + 1)).append("\"}\n");
        }
        String yaml = """
                apiVersion: v1
                kind: Config
                current-context: plugin
                clusters:
                - name: sandbox
                  cluster: {server: "%s", certificate-authority: "%s"}
                contexts:
                - name: plugin
                  context: {cluster: sandbox, user: plugin}
                users:
                - name: plugin
                  user:
                    exec:
                      apiVersion: %s
                      command: %s
                      interactiveMode: IfAvailable
                      env:
                %s""".formatted(server, authority, apiVersion, plugin, envYaml);
        return Files.writeString(dir.resolve("kubeconfig"), yaml);
    }

    private Path script(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private static int runs(Path count) throws IOException {
        return Files.exists(count) ? Integer.parseInt(Files.readString(count).trim()) : 0;
    }

    private static WatchListener collect(Set<String> names, AtomicBoolean synced) {
        Map<String, String> namesByUid = new ConcurrentHashMap<>();
        return new WatchListener() {
            public void upserted(KubeObject object) {
                namesByUid.put(object.uid(), object.name());
                names.add(object.name());
            }

            public void deleted(String uid) {
                String name = namesByUid.remove(uid);
                if (name != null) {
                    names.remove(name);
                }
            }

            public void synced() {
                synced.set(true);
            }

            public void failed(Problem problem) {
            }
        };
    }
}

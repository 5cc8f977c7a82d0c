package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.Problem;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MergedKubeconfigTest {
    @TempDir
    Path dir;

    private Path write(String relative, String yaml) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    private static String config(String current, String cluster, String server, String context, String user) {
        return """
                apiVersion: v1
                kind: Config
                current-context: %s
                clusters:
                - name: %s
                  cluster:
                    server: %s
                    certificate-authority: certs/ca.crt
                contexts:
                - name: %s
                  context: {cluster: %s, user: %s, namespace: team}
                users:
                - name: %s
                  user:
                    client-certificate: certs/client.crt
                    client-key: /abs/client.key
                    exec:
                      command: ./bin/login
                      apiVersion: client.authentication.k8s.io/v1
                """.formatted(current, cluster, server, context, cluster, user, user);
    }

    @Test
    void mergesFilesFirstOneWinsLikeKubectl() throws IOException {
        Path first = write("a/config", config("alpha", "shared", "https://first:6443", "alpha", "u1"));
        Path second = write("b/config", config("beta", "shared", "https://second:6443", "beta", "u2"));

        MergedKubeconfig merged = MergedKubeconfig.load(List.of(first, second));

        assertThat(merged.contexts()).extracting(ContextInfo::name).containsExactly("alpha", "beta");
        assertThat(merged.currentContext()).isEqualTo("alpha");
        // Both contexts name cluster "shared": the first file's definition wins.
        assertThat(merged.context("beta").orElseThrow().server()).isEqualTo("https://first:6443");
        assertThat(merged.context("beta").orElseThrow().sourceFile()).isEqualTo(second);
        assertThat(merged.problems()).isEmpty();
    }

    @Test
    void firstNonEmptyCurrentContextWins() throws IOException {
        Path empty = write("a/config", "apiVersion: v1\nkind: Config\ncurrent-context: \"\"\n");
        Path second = write("b/config", config("beta", "c", "https://x", "beta", "u"));

        assertThat(MergedKubeconfig.load(List.of(empty, second)).currentContext()).isEqualTo("beta");
    }

    @Test
    void relativePathsResolveAgainstTheFileThatNamedThem() throws IOException {
        Path file = write("nested/dir/config", config("alpha", "c", "https://x", "alpha", "u"));
        Path base = file.getParent();

        KubeConfig client = MergedKubeconfig.load(List.of(file)).clientConfig("alpha", Map.of());

        assertThat(client.getCertificateAuthorityFile()).isEqualTo(base.resolve("certs/ca.crt").toString());
        assertThat(client.getClientCertificateFile()).isEqualTo(base.resolve("certs/client.crt").toString());
        assertThat(client.getClientKeyFile()).isEqualTo("/abs/client.key");
        assertThat(client.getNamespace()).isEqualTo("team");
    }

    @Test
    void theCredentialPluginIsLeftToUsNotToTheClientLibrary() throws IOException {
        Path file = write("nested/config", config("alpha", "c", "https://x", "alpha", "u"));

        MergedKubeconfig merged = MergedKubeconfig.load(List.of(file));

        assertThat(merged.execPlugin("alpha").orElseThrow().command()).isEqualTo(file.getParent().resolve("bin/login").toString());
        Map<?, ?> user = (Map<?, ?>) ((Map<?, ?>) merged.clientConfig("alpha", Map.of("token", "t")).getUsers().get(0)).get("user");
        assertThat(user.containsKey("exec")).isFalse();
        assertThat(user.get("token")).isEqualTo("t");
    }

    @Test
    void missingFilesAreSkippedAndBrokenOnesReportedWithFileAndLine() throws IOException {
        Path good = write("good", config("alpha", "c", "https://x", "alpha", "u"));
        Path broken = write("broken", "apiVersion: v1\nclusters:\n- name: a\n  cluster: [unclosed\n");

        MergedKubeconfig merged = MergedKubeconfig.load(List.of(dir.resolve("absent"), broken, good));

        assertThat(merged.contexts()).extracting(ContextInfo::name).containsExactly("alpha");
        assertThat(merged.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.BAD_CONFIG);
            assertThat(p.message()).startsWith(broken + ", line ").contains("not valid YAML");
        });
    }

    @Test
    void aContextNamingAnUnknownClusterIsReportedPrecisely() throws IOException {
        Path file = write("config", """
                contexts:
                - name: lost
                  context: {cluster: nowhere, user: nobody}
                """);

        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(file)).clientConfig("lost", Map.of()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cluster 'nowhere'");
    }

    private static String tokenFileConfig(String tokenFile) {
        return """
                current-context: alpha
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:9"}
                contexts:
                - name: alpha
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user: {tokenFile: %s}
                """.formatted(tokenFile);
    }

    /** The client library would throw a ClassCastException on each of these; kubectl refuses them with Go's words. */
    @Test
    void fieldsOfTheWrongTypeAreNamedWithFileAndLineAndNoCredentialIsShown() throws IOException {
        Path quotedFlag = write("quoted-flag", """
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:9", insecure-skip-tls-verify: "true"}
                contexts:
                - name: alpha
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user: {token: abc}
                """);
        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(quotedFlag)).clientConfig("alpha", Map.of()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage(quotedFlag + ", line 2: cluster 'c': insecure-skip-tls-verify is \"true\", in quotes, not true or false");

        Path numberToken = write("number-token", tokenFileConfig("x").replace("{tokenFile: x}", "{token: 1234567890}"));
        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(numberToken)).clientConfig("alpha", Map.of()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage(numberToken + ", line 9: user 'u': token is a number, not text: quote it")
                .message().doesNotContain("1234567890");
    }

    @Test
    void aCertificateOrKeyThatCannotBeReadIsNamedWithFileLineAndField() throws IOException {
        write("certs/ca.crt", "not checked here, only read");
        write("certs/client.crt", "not checked here, only read");
        Path file = write("config", config("alpha", "c", "https://127.0.0.1:9", "alpha", "u"));

        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(file)).refuseUnreadableFiles("alpha"))
                .isInstanceOf(KubeconfigException.class)
                .hasMessage(file + ", line 13: user 'u': client-key /abs/client.key does not exist");
        Files.delete(dir.resolve("certs/ca.crt"));
        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(file)).refuseUnreadableFiles("alpha"))
                .hasMessage(file + ", line 5: cluster 'c': certificate-authority " + dir.resolve("certs/ca.crt") + " does not exist");
    }

    @Test
    void aTokenFilesTokenIsTrimmedAsKubectlTrimsIt() throws IOException {
        write("secrets/token", "  abc.def.ghi\n\n");
        Path file = write("config", tokenFileConfig("secrets/token"));

        KubeConfig client = MergedKubeconfig.load(List.of(file)).clientConfig("alpha", Map.of());

        assertThat(client.getCredentials()).containsEntry("token", "abc.def.ghi");
    }

    @Test
    void anUnreadableTokenFileIsReportedNotIgnored() throws IOException {
        Path file = write("config", tokenFileConfig("missing-token"));

        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(file)).clientConfig("alpha", Map.of()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("tokenFile " + dir.resolve("missing-token"));
    }

    @Test
    void neverWritesTheFiles() throws IOException {
        String text = config("alpha", "c", "https://x", "alpha", "u");
        Path file = write("config", text);

        MergedKubeconfig.load(List.of(file)).clientConfig("alpha", Map.of());

        assertThat(Files.readString(file)).isEqualTo(text);
    }

    /** A kubeconfig of src/test/resources/kubeconfigs: the layouts real users have. */
    private static Path fixture(String name) {
        try {
            return Path.of(MergedKubeconfigTest.class.getResource("/kubeconfigs/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static MergedKubeconfig loadFixtures(String... names) {
        return MergedKubeconfig.load(Stream.of(names).map(MergedKubeconfigTest::fixture).toList());
    }

    @Test
    void readsAKubeconfigWrittenAsJsonIndentedWithTabs() {
        MergedKubeconfig merged = loadFixtures("json-with-tabs.json");

        assertThat(merged.problems()).isEmpty();
        assertThat(merged.currentContext()).isEqualTo("from-json");
        assertThat(merged.contexts()).containsExactly(new ContextInfo("from-json", "json", "https://json.example:6443", "json", "apps",
                fixture("json-with-tabs.json")));
    }

    @Test
    void nullAndEmptySectionsAndAnEmptyCurrentContextAreNoProblem() {
        MergedKubeconfig merged = loadFixtures("empty-sections.yaml");

        assertThat(merged.problems()).isEmpty();
        assertThat(merged.contexts()).isEmpty();
        assertThat(merged.currentContext()).isEmpty();
    }

    @Test
    void extensionsAndPreferencesAtEveryLevelAndAContextWithoutNamespaceAreRead() {
        MergedKubeconfig merged = loadFixtures("extensions-everywhere.yaml");

        assertThat(merged.problems()).isEmpty();
        assertThat(merged.currentContext()).isEmpty();
        ContextInfo dev = merged.context("dev").orElseThrow();
        assertThat(dev.namespace()).isEmpty();
        assertThat(dev.namespaceOrDefault()).isEqualTo("default");
        KubeConfig client = merged.clientConfig("dev", Map.of());
        assertThat(client.getServer()).isEqualTo("https://dev.example:6443");
        assertThat(client.getCredentials()).containsEntry("token", "fake-token");
    }

    @Test
    void anchorsAliasesAndMergeKeysAreExpanded() {
        MergedKubeconfig merged = loadFixtures("anchors.yaml");

        assertThat(merged.problems()).isEmpty();
        assertThat(merged.contexts()).extracting(ContextInfo::name, ContextInfo::cluster, ContextInfo::server, ContextInfo::user,
                ContextInfo::namespace).containsExactly(
                tuple("a", "c", "https://anchor.example:6443", "u", "one"),
                tuple("b", "c2", "https://anchor.example:6443", "u", "two"));
    }

    /** anchors.yaml as Windows editors save it: a byte order mark and CRLF line endings. */
    private Path anchorsWithBomAndCrlf() throws IOException {
        return write("windows/config", "\uFEFF" + Files.readString(fixture("anchors.yaml")).replace("\n", "\r\n"));
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndingsAreRead() throws IOException {
        MergedKubeconfig merged = MergedKubeconfig.load(List.of(anchorsWithBomAndCrlf()));

        assertThat(merged.problems()).isEmpty();
        assertThat(merged.currentContext()).isEqualTo("a");
        assertThat(merged.contexts()).extracting(ContextInfo::name, ContextInfo::server, ContextInfo::namespace).containsExactly(
                tuple("a", "https://anchor.example:6443", "one"),
                tuple("b", "https://anchor.example:6443", "two"));
    }

    @Test
    void aCredentialPluginMayHaveNullListsAndGetsTheWholeClusterItAsksFor() {
        MergedKubeconfig merged = loadFixtures("cluster-and-exec-options.yaml");

        ExecPlugin plugin = merged.execPlugin("rancher").orElseThrow();

        assertThat(plugin.command()).isEqualTo("example-login");
        assertThat(plugin.args()).isEmpty();
        assertThat(plugin.env()).isEmpty();
        assertThat(plugin.interactiveMode()).isEqualTo("Never");
        assertThat(plugin.installHint()).isEqualTo("Install example-login from https://example.com/login");
        // KUBERNETES_EXEC_INFO's spec.cluster as kubectl fills it: the config is the cluster's
        // client.authentication.k8s.io/exec extension, and false booleans are left out.
        assertThat(plugin.cluster().orElseThrow()).isEqualTo(JsonParser.parseString("""
                {"server": "https://rancher.example/k8s/clusters/c-m-abc12", "tls-server-name": "api.internal",
                 "proxy-url": "http://proxy.example:3128", "disable-compression": true, "config": {"audience": "rancher"}}
                """));
    }

    @Test
    void tlsServerNameReachesTheClient() {
        KubeConfig client = loadFixtures("cluster-and-exec-options.yaml").clientConfig("rancher", Map.of("token", "t"));

        assertThat(client.getTlsServerName()).isEqualTo("api.internal");
    }

    @Test
    void basicAuthAndAServerPathPrefixReachTheServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CompletableFuture<List<String>> seen = new CompletableFuture<>();
        server.createContext("/", exchange -> {
            seen.complete(List.of(exchange.getRequestURI().getPath(),
                    String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"))));
            byte[] body = """
                    {"major": "1", "minor": "36", "gitVersion": "v1.36.1", "gitCommit": "x", "gitTreeState": "clean",
                     "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.25", "compiler": "gc", "platform": "linux/amd64"}
                    """.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            // Rancher serves each downstream cluster under a path prefix of its own.
            Path file = write("rancher/config", """
                    clusters:
                    - name: c
                      cluster: {server: "http://127.0.0.1:%d/k8s/clusters/c-m-abc12"}
                    contexts:
                    - name: basic
                      context: {cluster: c, user: basic}
                    users:
                    - name: basic
                      user: {username: admin, password: fake-password}
                    """.formatted(server.getAddress().getPort()));

            KubeConfig config = MergedKubeconfig.load(List.of(file)).clientConfig("basic", Map.of());
            String version = new VersionApi(ClientBuilder.kubeconfig(config).build()).getCode().execute().getGitVersion();

            assertThat(version).isEqualTo("v1.36.1");
            // The generated client asks for /version/ where kubectl asks for /version; the prefix is what matters here.
            assertThat(seen.get(5, TimeUnit.SECONDS)).containsExactly("/k8s/clusters/c-m-abc12/version/",
                    "Basic " + Base64.getEncoder().encodeToString("admin:fake-password".getBytes(StandardCharsets.UTF_8)));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anOidcAuthProvidersIdTokenIsSent() {
        KubeConfig client = loadFixtures("auth-providers.yaml").clientConfig("oidc", Map.of());

        assertThat(client.getCredentials().get("token")).startsWith("eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.");
    }

    @ParameterizedTest
    @CsvSource({"gcp, gke-gcloud-auth-plugin", "azure, https://github.com/Azure/kubelogin"})
    void removedAuthProvidersAreRefusedAsKubectlRefusesThem(String provider, String replacement) {
        Path file = fixture("auth-providers.yaml");

        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(file)).clientConfig(provider, Map.of()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith(file + ", line ")
                .hasMessageContaining("user '" + provider + "'")
                .hasMessageContaining("The " + provider + " auth plugin has been removed.")
                .hasMessageContaining(replacement)
                .hasMessageNotContaining("fake-token");
    }

    @Test
    void anUnknownAuthProviderIsRefusedAsKubectlRefusesIt() throws IOException {
        Path file = write("config", """
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]
                contexts: [{name: k, context: {cluster: c, user: k}}]
                users:
                - name: k
                  user: {auth-provider: {name: keystone, config: {token: fake-token}}}
                """);

        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(file)).clientConfig("k", Map.of()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no Auth Provider found for name \"keystone\"")
                .hasMessageNotContaining("fake-token");
    }

    @Test
    void aCertificateAuthorityWithInsecureSkipTlsVerifyIsRefusedAsKubectlRefusesIt() {
        Path file = fixture("insecure-with-ca.yaml");

        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(file)).clientConfig("insecure", Map.of()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith(file + ", line 5: cluster 'insecure'")
                .hasMessageContaining("certificate-authority-data")
                .hasMessageContaining("insecure-skip-tls-verify")
                .hasMessageContaining("specifying a root certificates file with the insecure flag is not allowed");
    }

    @Test
    void theClustersProxyUrlIsUsedAndOneThatCannotBeIsRefusedWithFileLineAndCluster() throws IOException {
        Path file = write("proxied", """
                apiVersion: v1
                kind: Config
                clusters:
                - name: plain-proxy
                  cluster: {server: "https://api.example.com", proxy-url: "http://proxy.corp:3128"}
                - name: tls-proxy
                  cluster: {server: "https://api.example.com", proxy-url: "https://jane:secret@proxy.corp:3128"}
                contexts:
                - {name: plain, context: {cluster: plain-proxy}}
                - {name: tls, context: {cluster: tls-proxy}}
                """);
        MergedKubeconfig merged = MergedKubeconfig.load(List.of(file));

        assertThat(merged.proxy("plain", "https://api.example.com", Map.of()).proxy())
                .isEqualTo(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved("proxy.corp", 3128)));
        assertThatThrownBy(() -> merged.proxy("tls", "https://api.example.com", Map.of()))
                .isInstanceOf(KubeconfigException.class)
                .hasMessageStartingWith(file + ", line 6: cluster 'tls-proxy': proxy-url \"https://jane:xxxxx@proxy.corp:3128\" "
                        + "is a proxy reached over TLS")
                .hasMessageNotContaining("secret");
    }

    @Test
    void theFirstFileWinsPerNameAndCertificatesResolveAgainstTheFileThatNamedThem() {
        Path first = fixture("merge/first/config");
        Path second = fixture("merge/second/config");

        MergedKubeconfig merged = MergedKubeconfig.load(List.of(first, second, first));

        assertThat(merged.problems()).isEmpty();
        assertThat(merged.currentContext()).isEqualTo("shared");
        assertThat(merged.context("shared").orElseThrow()).isEqualTo(new ContextInfo("shared", "first", "https://first.example:6443",
                "first", "from-first", first));
        KubeConfig fromSecond = merged.clientConfig("only-second", Map.of());
        assertThat(fromSecond.getClientCertificateFile()).isEqualTo(second.resolveSibling("certs/client.crt").toString());
        assertThat(fromSecond.getClientKeyFile()).isEqualTo(first.resolveSibling("certs/client.key").toString());
        assertThat(merged.clientConfig("shared", Map.of()).getClientKeyFile()).isEqualTo(first.resolveSibling("certs/client.key").toString());
    }

    @Test
    void aNameThatIsNotAStringIsReportedWithFileLineAndField() throws IOException {
        Path file = write("config", """
                apiVersion: v1
                contexts:
                - name: ok
                  context: {cluster: c}
                - name: 2024
                  context: {cluster: c}
                """);

        MergedKubeconfig merged = MergedKubeconfig.load(List.of(file));

        assertThat(merged.contexts()).extracting(ContextInfo::name).containsExactly("ok");
        assertThat(merged.problems()).singleElement().extracting(Problem::message).asString()
                .startsWith(file + ", line 5: contexts[1].name")
                .contains("2024");
    }

    // What kubectl itself makes of the same files, asked at test time. Tagged "cluster" because the kubectl binary
    // comes with the sandbox (WHEELHOUSE_SANDBOX_BIN); no cluster is contacted.

    @Tag("cluster")
    @ParameterizedTest
    @ValueSource(strings = {"json-with-tabs.json", "empty-sections.yaml", "extensions-everywhere.yaml", "anchors.yaml",
            "cluster-and-exec-options.yaml", "auth-providers.yaml", "insecure-with-ca.yaml",
            "merge/first/config::merge/second/config:merge/first/config"})
    void kubectlSeesTheSameContexts(String kubeconfigList) {
        List<Path> files = new ArrayList<>();
        for (String name : kubeconfigList.split(":")) {
            if (!name.isEmpty()) {
                files.add(fixture(name));
            }
        }
        String list = kubeconfigList.replaceAll("[^:]+", fixture("anchors.yaml").getParent() + "/$0");
        assertKubectlAgrees(MergedKubeconfig.load(files), list);
    }

    @Tag("cluster")
    @Test
    void kubectlSeesTheSameContextsInAFileWithBomAndCrlf() throws IOException {
        Path file = anchorsWithBomAndCrlf();
        assertKubectlAgrees(MergedKubeconfig.load(List.of(file)), file.toString());
    }

    private static void assertKubectlAgrees(MergedKubeconfig merged, String kubeconfigEnv) {
        List<String> output = kubectl(kubeconfigEnv, "config", "view", "-o", "json");
        assertThat(output.get(0)).as("kubectl config view: %s", output.get(1)).isEqualTo("0");
        JsonObject view = JsonParser.parseString(output.get(1)).getAsJsonObject();
        Map<String, String> servers = new java.util.HashMap<>();
        for (JsonElement cluster : array(view, "clusters")) {
            JsonObject body = cluster.getAsJsonObject().getAsJsonObject("cluster");
            servers.put(text(cluster.getAsJsonObject(), "name"), text(body, "server"));
        }
        TreeSet<String> expected = new TreeSet<>();
        for (JsonElement context : array(view, "contexts")) {
            JsonObject body = context.getAsJsonObject().getAsJsonObject("context");
            expected.add(String.join(" | ", text(context.getAsJsonObject(), "name"), text(body, "cluster"),
                    servers.getOrDefault(text(body, "cluster"), ""), text(body, "user"), text(body, "namespace")));
        }
        TreeSet<String> ours = new TreeSet<>();
        merged.contexts().forEach(c -> ours.add(String.join(" | ", c.name(), c.cluster(), c.server(), c.user(), c.namespace())));

        assertThat(merged.problems()).isEmpty();
        assertThat(ours).isEqualTo(expected);
        assertThat(merged.currentContext()).isEqualTo(text(view, "current-context"));
    }

    @Tag("cluster")
    @ParameterizedTest
    @CsvSource({"insecure-with-ca.yaml, insecure", "auth-providers.yaml, gcp", "auth-providers.yaml, azure"})
    void whatKubectlRefusesWeRefuseInItsWords(String name, String context) {
        Path file = fixture(name);
        List<String> output = kubectl(file.toString(), "--context", context, "get", "--raw", "/version", "--request-timeout=1s");
        assertThat(output.get(0)).isNotEqualTo("0");
        assertThat(output.get(1)).startsWith("error: ");

        assertThatThrownBy(() -> MergedKubeconfig.load(List.of(file)).clientConfig(context, Map.of()))
                .isInstanceOf(KubeconfigException.class)
                .satisfies(e -> assertThat(output.get(1).substring("error: ".length()).strip().lines())
                        .allSatisfy(line -> assertThat(e.getMessage()).contains(line)));
    }

    private static JsonArray array(JsonObject object, String key) {
        return object.get(key) instanceof JsonArray array ? array : new JsonArray();
    }

    private static String text(JsonObject object, String key) {
        return object.get(key) == null || object.get(key).isJsonNull() ? "" : object.get(key).getAsString();
    }

    /** The sandbox's kubectl with KUBECONFIG set to {@code kubeconfigEnv}: its exit code and its output. */
    private static List<String> kubectl(String kubeconfigEnv, String... args) {
        String bin = System.getenv("WHEELHOUSE_SANDBOX_BIN");
        assertThat(bin).as("WHEELHOUSE_SANDBOX_BIN (./run-tests sets it)").isNotBlank();
        List<String> command = new ArrayList<>(List.of(Path.of(bin, "kubectl").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("KUBECONFIG", kubeconfigEnv);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return List.of(String.valueOf(process.exitValue()), output);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

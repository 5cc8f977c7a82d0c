package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.Problem;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}

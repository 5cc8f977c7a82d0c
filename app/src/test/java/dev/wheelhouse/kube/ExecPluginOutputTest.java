package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a credential plugin prints is read strictly, and what it printed never reaches a message. */
class ExecPluginOutputTest {
    private static final String V1 = "client.authentication.k8s.io/v1";

    @TempDir
    Path dir;

    @Test
    void readsTokenAndExpiry() throws Exception {
        ExecCredential credential = plugin("""
                {"apiVersion":"%s","kind":"ExecCredential","status":{"token":"s3cret","expirationTimestamp":"2030-01-02T03:04:05Z"}}
                """.formatted(V1)).run(LoginShell.ofThisProcess(), ExecPlugin.DEFAULT_TIMEOUT);

        assertThat(credential.token()).isEqualTo("s3cret");
        assertThat(credential.expiration()).contains(Instant.parse("2030-01-02T03:04:05Z"));
        assertThat(credential.toString()).doesNotContain("s3cret");
    }

    @Test
    void unusableOutputIsDescribedWithoutRepeatingIt() throws Exception {
        for (String output : List.of("token=s3cret", """
                {"apiVersion":"%s","kind":"ExecCredential","status":{"token":"s3cret","expirationTimestamp":"soon"}}""".formatted(V1), """
                {"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"s3cret"}}""")) {
            assertThatThrownBy(() -> plugin(output).run(LoginShell.ofThisProcess(), ExecPlugin.DEFAULT_TIMEOUT))
                    .isInstanceOf(ExecPluginException.class)
                    .hasMessageContaining("gave no usable credential")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret"));
        }
    }

    private ExecPlugin plugin(String output) throws IOException {
        Path out = Files.writeString(dir.resolve("output.json"), output);
        Path script = Files.writeString(dir.resolve("plugin"), "#!/bin/sh\ncat '" + out + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return ExecPlugin.fromKubeconfig(Map.of("apiVersion", V1, "command", script.toString()), JsonObject::new);
    }
}

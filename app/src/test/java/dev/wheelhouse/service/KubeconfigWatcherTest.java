package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.ContextInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigWatcherTest {
    @TempDir
    Path dir;

    private static String config(String... contexts) {
        StringBuilder yaml = new StringBuilder("clusters:\n- name: c\n  cluster: {server: \"https://127.0.0.1:9\"}\ncontexts:\n");
        for (String context : contexts) {
            yaml.append("- name: ").append(context).append("\n  context: {cluster: c}\n");
        }
        return yaml.toString();
    }

    @Test
    void aContextAddedOrRemovedInTheFileIsNoticed() throws Exception {
        Path file = dir.resolve("config");
        Files.writeString(file, config("first"));
        ClusterService clusters = new ClusterService(List.of(file));
        assertThat(clusters.reload().contexts()).extracting(ContextInfo::name).containsExactly("first");
        Semaphore changed = new Semaphore(0);

        try (AutoCloseable watch = clusters.watchFiles(changed::release)) {
            // Written the way kubectl writes: a new file moved over the old one.
            Path temp = dir.resolve("config.tmp");
            Files.writeString(temp, config("first", "second"));
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            assertThat(changed.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(clusters.reload().contexts()).extracting(ContextInfo::name).containsExactly("first", "second");

            Files.writeString(file, config("second"));
            assertThat(changed.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            assertThat(clusters.reload().contexts()).extracting(ContextInfo::name).containsExactly("second");

            Files.writeString(dir.resolve("unrelated.txt"), "x");
            assertThat(changed.tryAcquire(2, TimeUnit.SECONDS)).as("other files in the folder are ignored").isFalse();
        }
    }
}

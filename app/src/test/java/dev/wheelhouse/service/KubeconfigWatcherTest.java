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
    /** Longer than the watcher's settling time, so a burst's notice has come before the next step. */
    private static final long SETTLED_MS = 1000;
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

    @Test
    void aFileWhoseFolderIsCreatedLaterIsFollowed() throws Exception {
        // A fresh machine: no ~/.kube yet when Wheelhouse starts; a cloud CLI creates it later.
        Path file = dir.resolve("home/.kube/config");
        ClusterService clusters = new ClusterService(List.of(file));
        assertThat(clusters.reload().contexts()).isEmpty();
        Semaphore changed = new Semaphore(0);

        try (AutoCloseable watch = clusters.watchFiles(changed::release)) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, config("first"));
            assertThat(eventuallyReloaded(changed, clusters, "first")).isTrue();

            Files.writeString(file, config("first", "second"));
            assertThat(changed.tryAcquire(10, TimeUnit.SECONDS)).as("written again, inside the folder now watched").isTrue();
            assertThat(clusters.reload().contexts()).extracting(ContextInfo::name).containsExactly("first", "second");

            // The folder moved away and made anew: followed again, not lost under its old registration.
            Files.move(dir.resolve("home/.kube"), dir.resolve("home/.kube-old"));
            assertThat(eventuallyReloaded(changed, clusters)).isTrue();
            Files.createDirectories(file.getParent());
            Files.writeString(file, config("third"));
            assertThat(eventuallyReloaded(changed, clusters, "third")).isTrue();

            Files.writeString(dir.resolve("home/unrelated.txt"), "x");
            assertThat(changed.tryAcquire(2, TimeUnit.SECONDS)).as("other files above are ignored").isFalse();
        }
    }

    /** Waits for change notices until a reload shows exactly these contexts; a folder appearing may add a notice. */
    private static boolean eventuallyReloaded(Semaphore changed, ClusterService clusters, String... contexts) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (changed.tryAcquire(200, TimeUnit.MILLISECONDS)
                    && clusters.reload().contexts().stream().map(ContextInfo::name).toList().equals(List.of(contexts))) {
                changed.drainPermits();
                Thread.sleep(SETTLED_MS);
                changed.drainPermits();
                return true;
            }
        }
        return false;
    }
}

package dev.wheelhouse.ui.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pane's words and buttons, without a toolkit: tasks run on the calling thread. */
class ConnectionViewModelTest {
    @TempDir
    Path dir;

    /** The kubeconfig does not change when the user puts the missing file in place, so its watcher cannot help. */
    @Test
    void aMissingTokenFileOffersRetryAndRetryingAfterItIsInPlaceGetsFurther() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                current-context: broken
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}
                contexts:
                - name: broken
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user: {tokenFile: token}
                """);
        ClusterModel cluster = new ClusterModel(new ClusterService(List.of(kubeconfig)), new BackgroundTasks(Runnable::run, Runnable::run));
        ConnectionViewModel pane = new ConnectionViewModel(cluster);
        cluster.start(null, List.of());

        ConnectionViewModel.Content missing = pane.content();
        assertThat(missing.title()).isEqualTo("Kubeconfig problem");
        assertThat(missing.lines().get(0)).contains("tokenFile").contains("token");
        assertThat(missing.canRetry()).isTrue();

        Files.writeString(dir.resolve("token"), "abc");
        pane.retry();

        assertThat(pane.content().title()).as("nothing answers at port 1").isEqualTo("Cluster not reachable");
    }

    @Test
    void withoutAnyContextThePaneNamesTheFilesItRead() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "apiVersion: v1\nkind: Config\n");
        Path missing = dir.resolve("missing.yaml");
        ClusterModel cluster = new ClusterModel(new ClusterService(List.of(empty, missing)), new BackgroundTasks(Runnable::run, Runnable::run));
        ConnectionViewModel pane = new ConnectionViewModel(cluster);
        cluster.start(null, List.of());

        assertThat(pane.content().title()).isEqualTo("No context");
        assertThat(pane.content().lines()).containsExactly("No kubeconfig context was found in " + empty + ", " + missing
                + ". Pass --kubeconfig FILE, set KUBECONFIG, or start the sandbox with sandbox/up.");
    }
}

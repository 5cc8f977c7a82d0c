package dev.wheelhouse.ui.navigator;

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

/** The rows under a context, without a toolkit or a cluster: tasks run on the calling thread. */
class NavigatorViewModelTest {
    @TempDir
    Path dir;

    @Test
    void aContextThatFailedSaysWhyInAFewWordsNotAlwaysUnreachable() throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("config"), """
                current-context: broken
                clusters:
                - name: c
                  cluster: {server: "https://127.0.0.1:1"}
                contexts:
                - name: broken
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user: {client-certificate: missing.crt, client-key: missing.key}
                """);
        ClusterModel cluster = new ClusterModel(new ClusterService(List.of(kubeconfig)), new BackgroundTasks(Runnable::run, Runnable::run));
        NavigatorViewModel navigator = new NavigatorViewModel(cluster, null, () -> null, () -> null);

        cluster.start(null, List.of());

        assertThat(navigator.rowsOf("broken")).extracting(NavigatorViewModel.ContextRow::message)
                .containsExactly("Kubeconfig problem: see the details");
    }
}

package dev.wheelhouse.ui.editor;

import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.DraftStore;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An editor tab on a Deployment whose object kubectl changes after the tab loaded it: Apply sends nothing
 * and says so, a dry run shows the diff against the newer object, Reload brings the newer object, and
 * "apply anyway" applies over it.
 */
@Tag("cluster")
class ChangedOnServerTest {
    @RegisterExtension
    static final SandboxNamespace NAMESPACE = new SandboxNamespace("editor-banner-test");
    private static final String NS = NAMESPACE.name();

    @Test
    void applyAfterAChangeOnTheServerSaysSoAndOffersReloadAndDiff() throws Exception {
        kubectl("-n", NS, "create", "deployment", "web", "--image=wheelhouse/web:1", "--replicas=1");
        BackgroundTasks sameThread = new BackgroundTasks(Runnable::run, Runnable::run);
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            EditorsViewModel editors = new EditorsViewModel(sameThread, () -> session, () -> NS, DraftStore.inMemory());
            EditorViewModel editor = editors.edit(Deployments.DESCRIPTOR,
                    new KubeObject(Map.of("metadata", Map.of("name", "web", "namespace", NS))));
            assertThat(editor.textProperty().get()).contains("\n  replicas: 1\n");
            assertThat(editor.changedOnServerProperty().get()).isFalse();

            kubectl("-n", NS, "label", "deployment", "web", "changed-by=kubectl");
            editor.edited(editor.textProperty().get().replace("\n  replicas: 1\n", "\n  replicas: 2\n"));
            editor.apply(false);

            assertThat(editor.changedOnServerProperty().get()).isTrue();
            assertThat(editor.messageProperty().get()).contains("changed on the server since this tab loaded it");
            assertThat(kubectl("-n", NS, "get", "deployment", "web", "-o", "jsonpath={.spec.replicas}")).isEqualTo("1");

            // Diff: a dry run against the object as it is now.
            editor.dryRun();
            assertThat(editor.diffProperty().get()).contains("-  replicas: 1").contains("+  replicas: 2");
            assertThat(kubectl("-n", NS, "get", "deployment", "web", "-o", "jsonpath={.spec.replicas}")).isEqualTo("1");

            // Reload: the edit is gone, kubectl's label is there, and the banner with it.
            editor.reload();
            assertThat(editor.changedOnServerProperty().get()).isFalse();
            assertThat(editor.textProperty().get()).contains("changed-by: kubectl").contains("\n  replicas: 1\n");

            // Changed again, then applied anyway.
            kubectl("-n", NS, "label", "deployment", "web", "changed-by=kubectl-again", "--overwrite");
            editor.edited(editor.textProperty().get().replace("\n  replicas: 1\n", "\n  replicas: 3\n"));
            editor.apply(false);
            assertThat(editor.changedOnServerProperty().get()).isTrue();
            editor.applyAnyway(false);
            assertThat(editor.messageProperty().get()).contains("owned by").contains("kubectl-label");
            assertThat(editor.conflicts()).isNotEmpty();
            editor.apply(true);
            assertThat(editor.changedOnServerProperty().get()).as(editor.messageProperty().get()).isFalse();
            assertThat(kubectl("-n", NS, "get", "deployment", "web", "-o", "jsonpath={.spec.replicas}")).isEqualTo("3");
        }
    }
}

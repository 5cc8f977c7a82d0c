package dev.wheelhouse.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.Nodes;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionsViewModelTest {
    private final ActionsViewModel actions = new ActionsViewModel(new BackgroundTasks(Runnable::run, Runnable::run), () -> null, new javafx.beans.property.SimpleBooleanProperty());

    @Test
    void theCopiedCommandNamesTheKindWithItsGroupAndTheNamespace() {
        KubeObject deployment = new KubeObject(Map.of("metadata", Map.of("name", "frontend", "namespace", "dev")));
        KubeObject node = new KubeObject(Map.of("metadata", Map.of("name", "node-000001")));

        assertThat(ActionsViewModel.kubectlGet(Deployments.DESCRIPTOR, deployment)).isEqualTo("kubectl get deployments.apps frontend -n dev");
        assertThat(ActionsViewModel.kubectlGet(Nodes.DESCRIPTOR, node)).isEqualTo("kubectl get nodes node-000001");
    }

    @Test
    void aScaleThatIsNotAWholeNumberSaysSoWithoutAsking() {
        KubeObject deployment = new KubeObject(Map.of("metadata", Map.of("name", "frontend", "namespace", "dev")));

        actions.scale(Deployments.DESCRIPTOR, deployment, "three");

        assertThat(actions.lastResultProperty().get()).isEqualTo("Replicas must be a whole number, not \"three\".");
        assertThat(actions.lastResultFailedProperty().get()).isTrue();
    }
}

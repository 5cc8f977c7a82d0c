package dev.wheelhouse.ui.labs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.Settings;
import dev.wheelhouse.service.labs.Lab;
import dev.wheelhouse.service.labs.LabLoader;
import dev.wheelhouse.service.labs.LabProgress;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The labs tab's model on the sandbox: ticks are kept in the settings per context, and Reset clears them. */
@Tag("cluster")
class LabsViewModelTest {
    private static final String SUFFIX = "-v" + Long.toString(System.currentTimeMillis() % 1_000_000, 36);

    @Test
    void ticksAreKeptPerContextAndResetDeletesTheNamespacesAndTheProgress() throws Exception {
        List<Lab> labs = LabLoader.builtIn().stream().map(lab -> lab.inNamespaces(ns -> ns + SUFFIX)).toList();
        Lab first = labs.get(0);
        AtomicReference<Settings> settings = new AtomicReference<>(Settings.EMPTY);
        SimpleObjectProperty<ClusterSession> session = new SimpleObjectProperty<>();
        LabsViewModel model = new LabsViewModel(new BackgroundTasks(Runnable::run, Runnable::run), session, labs,
                settings::get, (key, value) -> settings.set(settings.get().with(key, value)));
        try (ClusterSession connected = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            model.activate();
            session.set(connected);
            Sandbox.kubectl("create", "namespace", first.namespaces().get(0));
            String key = LabProgress.key(Sandbox.CONTEXT, first);
            assertThat(Sandbox.eventually(Duration.ofSeconds(30), () -> model.stepsDoneProperty().get() == 1)).isTrue();
            assertThat(settings.get().number(key, -1)).isEqualTo(1);
            assertThat(model.stateOf(0)).isEqualTo(LabsViewModel.StepState.DONE);
            assertThat(model.stateOf(1)).isEqualTo(LabsViewModel.StepState.CURRENT);

            model.reset();

            assertThat(model.messageProperty().get()).contains(first.namespaces().get(0));
            assertThat(settings.get().number(key, -1)).isEqualTo(-1);
            assertThat(model.stepsDoneProperty().get()).isZero();
            assertThat(Sandbox.eventually(Duration.ofSeconds(120),
                    () -> Sandbox.kubectlResult("get", "namespace", first.namespaces().get(0)).exitCode() != 0)).isTrue();
            assertThat(model.stepsDoneProperty().get()).as("a deleted namespace ticks nothing again").isZero();
            model.deactivate();
            assertThat(model.isTracking()).isFalse();
        } finally {
            Sandbox.kubectlResult("delete", "namespace", first.namespaces().get(0), "--ignore-not-found", "--wait=false");
        }
    }
}

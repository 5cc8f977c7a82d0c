package dev.wheelhouse.ui.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.Windows;
import dev.wheelhouse.ui.details.DetailsView;
import dev.wheelhouse.ui.details.DetailsViewModel;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A details view binds on attach and lets go on detach: opened and closed 200 times (as tabs of
 * details will be), it leaves no watch open on the session and no listener that keeps it alive.
 */
@Tag("cluster")
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class DetailsLifecycleTest {
    private static final int TIMES = 200;
    private MainViewModel model;
    private final StackPane host = new StackPane();

    @Start
    void start(Stage stage) {
        model = Windows.open(stage, List.of(Sandbox.kubeconfig()), "dev", Sandbox.CONTEXT);
        // A second window where the details views come and go.
        Stage second = new Stage();
        second.setScene(new Scene(host, 600, 400));
        second.show();
    }

    @AfterEach
    void close() throws Exception {
        Windows.close(model);
    }

    @Test
    void openingAndClosingDetailsTwoHundredTimesLeavesNoWatchOrListenerBehind(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.placeProperty().get().kind() != null);
        robot.interact(() -> model.showKind("dev", Pods.DESCRIPTOR));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.table().stateProperty().get() == ResourceTableViewModel.LoadState.READY
                && !model.table().rows().isEmpty());
        ClusterSession session = model.cluster().sessionProperty().get();
        KubeObject pod = model.table().rows().get(0).object();
        // Let the window's own watches settle before counting.
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS);
        int before = session.openWatchCount();

        List<WeakReference<DetailsView>> views = new ArrayList<>();
        List<WeakReference<DetailsViewModel>> models = new ArrayList<>();
        for (int i = 0; i < TIMES; i++) {
            robot.interact(() -> {
                DetailsViewModel details = new DetailsViewModel(model.tasks());
                details.show(session, Pods.DESCRIPTOR, pod);
                DetailsView view = new DetailsView(details, model);
                host.getChildren().add(view);
                assertThat(details.openWatches()).as("watching while attached").isPositive();
                host.getChildren().remove(view);
                assertThat(details.openWatches()).as("closed on detach").isZero();
                views.add(new WeakReference<>(view));
                models.add(new WeakReference<>(details));
            });
        }

        // Handles close in the background; then the session's count is back where it was. A view that is
        // collectable kept no listener on its model; a model that is collectable is no watch's subscriber.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.openWatchCount() == before);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            System.gc();
            return views.stream().allMatch(ref -> ref.get() == null) && models.stream().allMatch(ref -> ref.get() == null);
        });
    }
}

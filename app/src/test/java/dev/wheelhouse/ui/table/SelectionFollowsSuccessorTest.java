package dev.wheelhouse.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.testing.NoWorkspace;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.RowActions;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The table view's selection through live updates: a selected quick row (a stand-in) hands the selection to the
 * real row of the same namespace and name that replaces it, and a replacement elsewhere leaves the selection
 * where it is. Rows are fed to the view model directly: no cluster.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class SelectionFollowsSuccessorTest {
    private final ResourceTableViewModel table = new ResourceTableViewModel(new BackgroundTasks(Runnable::run, Runnable::run));
    private TableView<ResourceRow> rows;

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) {
        ResourceTableView view = new ResourceTableView(table, new NoWorkspace(), new RowActions());
        stage.setScene(new Scene(view, 600, 400));
        stage.show();
        rows = (TableView<ResourceRow>) view.lookup("#rows");
    }

    @Test
    void theSelectedStandInsRealRowTakesTheSelection(FxRobot robot) {
        robot.interact(() -> table.apply(0, List.of(row(standIn("a"), "a"), row(standIn("b"), "b"), row(standIn("c"), "c")), batch(List.of())));
        robot.interact(() -> rows.getSelectionModel().select(1));
        assertThat(selectedUid()).isEqualTo(standIn("b"));

        robot.interact(() -> table.apply(0, List.of(row("uid-b", "b")), batch(List.of(standIn("b")))));
        assertThat(selectedUid()).as("b's real row took its stand-in's place and the selection").isEqualTo("uid-b");

        // Another stand-in replaced while b is selected: b stays selected.
        robot.interact(() -> table.apply(0, List.of(row("uid-a", "a")), batch(List.of(standIn("a")))));
        assertThat(selectedUid()).isEqualTo("uid-b");

        // b deleted and made again under a new uid, both in one batch: the new b takes the old one's place and
        // the selection.
        robot.interact(() -> table.apply(0, List.of(row("uid-b2", "b")), batch(List.of("uid-b"))));
        assertThat(selectedUid()).isEqualTo("uid-b2");
        assertThat(rows.getItems()).extracting(r -> r.object().uid()).containsExactly("uid-a", "uid-b2", standIn("c"));
    }

    private String selectedUid() {
        ResourceRow selected = rows.getSelectionModel().getSelectedItem();
        return selected == null ? null : selected.object().uid();
    }

    private static String standIn(String name) {
        return KubeObject.standInUid("dev", name);
    }

    private static ResourceRow row(String uid, String name) {
        return new ResourceRow(new KubeObject(Map.of("metadata", Map.of("uid", uid, "name", name, "namespace", "dev"))),
                List.of("Running"), Health.GOOD);
    }

    private static Batch batch(List<String> deleted) {
        return new Batch(List.of(), deleted, false, null);
    }
}

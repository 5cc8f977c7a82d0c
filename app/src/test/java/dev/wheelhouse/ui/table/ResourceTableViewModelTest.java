package dev.wheelhouse.ui.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How batches become rows: replace in place, remove, and report problems, without a toolkit or cluster. */
class ResourceTableViewModelTest {
    private final ResourceTableViewModel table = new ResourceTableViewModel(new BackgroundTasks(Runnable::run, Runnable::run));

    private static ResourceRow row(String uid, String name, String status) {
        return new ResourceRow(new KubeObject(Map.of("metadata", Map.of("uid", uid, "name", name))), List.of(status), Health.GOOD);
    }

    private static Batch batch(List<String> deleted, boolean synced, Problem problem) {
        return new Batch(List.of(), deleted, synced, problem);
    }

    @Test
    void updatesReplaceRowsInPlaceAndDeletesRemoveThem() {
        table.apply(0, List.of(row("1", "a", "Pending"), row("2", "b", "Running"), row("3", "c", "Running")), batch(List.of(), true, null));
        table.apply(0, List.of(row("1", "a", "Running")), batch(List.of("2"), false, null));

        assertThat(table.rows()).extracting(ResourceRow::name).containsExactly("a", "c");
        assertThat(table.rows().get(0).cells()).containsExactly("Running");
        assertThat(table.stateProperty().get()).isEqualTo(ResourceTableViewModel.LoadState.READY);

        // Indexes stay right after a removal: updating "c" touches "c".
        table.apply(0, List.of(row("3", "c", "Failed")), batch(List.of(), false, null));
        assertThat(table.rows().get(1).cells()).containsExactly("Failed");
    }

    @Test
    void aNewRowOfTheSameNameTakesTheDeletedRowsPlace() {
        // Quick rows first (made-up uids), then the real rows of three of them arrive in one batch with their
        // deletion: a run of two (a, b) and one alone (d).
        table.apply(0, List.of(row("quick:a", "a", "Running"), row("quick:b", "b", "Running"), row("quick:c", "c", "Running"),
                row("quick:d", "d", "Running")), batch(List.of(), false, null));
        table.apply(0, List.of(row("uid-d", "d", "Failed"), row("uid-a", "a", "Running"), row("uid-e", "e", "Pending"),
                row("uid-b", "b", "Running")), batch(List.of("quick:a", "quick:d", "quick:b"), false, null));

        assertThat(table.rows()).extracting(r -> r.object().uid()).containsExactly("uid-a", "uid-b", "quick:c", "uid-d", "uid-e");
        assertThat(table.rows().get(3).cells()).containsExactly("Failed");
        // The index follows: the real rows are updated and deleted by their own uids, the last stand-in by its own.
        table.apply(0, List.of(row("uid-b", "b", "Succeeded")), batch(List.of("quick:c", "uid-d"), false, null));
        assertThat(table.rows()).extracting(r -> r.object().uid()).containsExactly("uid-a", "uid-b", "uid-e");
        assertThat(table.rows().get(1).cells()).containsExactly("Succeeded");
    }

    @Test
    void theSelectionKeepsItsObjectOrElseGoesToItsSuccessorOfTheSameName() {
        ResourceRow standIn = row("quick:a", "a", "Running");
        ResourceRow real = row("uid-a", "a", "Running");
        ResourceRow other = row("uid-b", "b", "Running");
        ResourceRow elsewhere = new ResourceRow(new KubeObject(Map.of("metadata", Map.of("uid", "uid-a2", "name", "a",
                "namespace", "prod"))), List.of("Running"), Health.GOOD);

        assertThat(ResourceTableViewModel.sameOrSuccessor(List.of(other, standIn, real), standIn.object())).containsSame(standIn);
        assertThat(ResourceTableViewModel.sameOrSuccessor(List.of(other, elsewhere, real), standIn.object()))
                .as("same name in another namespace is not a successor").containsSame(real);
        assertThat(ResourceTableViewModel.sameOrSuccessor(List.of(other, elsewhere), standIn.object())).isEmpty();
    }

    @Test
    void theFilterNarrowsVisibleRowsOnly() {
        table.apply(0, List.of(row("1", "web-1", "Running"), row("2", "db-0", "Running")), batch(List.of(), true, null));
        table.filterProperty().set("web");

        assertThat(table.visibleRows()).extracting(ResourceRow::name).containsExactly("web-1");
        assertThat(table.rows()).hasSize(2);
    }

    @Test
    void aForbiddenListIsAProblemNotAnEmptyTable() {
        table.apply(0, List.of(), batch(List.of(), false, new Problem(Problem.Kind.FORBIDDEN, "No access: pods is forbidden", "")));

        assertThat(table.stateProperty().get()).isEqualTo(ResourceTableViewModel.LoadState.PROBLEM);
        assertThat(table.problemProperty().get().message()).startsWith("No access");
    }

    @Test
    void batchesForATableNoLongerShownAreDropped() {
        table.clear();
        table.apply(0, List.of(row("1", "stale", "Running")), batch(List.of(), true, null));

        assertThat(table.rows()).isEmpty();
    }
}

package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventCoalescerTest {
    private final List<Batch> delivered = new ArrayList<>();
    private final List<Runnable> flushesAsked = new ArrayList<>();
    private final EventCoalescer coalescer = new EventCoalescer(delivered::add, flushesAsked::add);

    private static KubeObject pod(String uid, String phase) {
        return new KubeObject(Map.of("kind", "Pod", "metadata", Map.of("uid", uid, "name", "p-" + uid),
                "status", Map.of("phase", phase)));
    }

    @Test
    void manyChangesToOneObjectArriveOnceInTheirLatestState() {
        coalescer.upserted(pod("1", "Pending"));
        coalescer.upserted(pod("1", "Running"));
        coalescer.upserted(pod("2", "Running"));
        coalescer.synced();

        coalescer.flush();

        assertThat(delivered).singleElement().satisfies(batch -> {
            assertThat(batch.upserts()).extracting(o -> o.string("status.phase")).containsExactly("Running", "Running");
            assertThat(batch.synced()).isTrue();
        });
    }

    @Test
    void aDeleteCancelsAPendingUpsertAndSyncIsAnnouncedOncePerList() {
        coalescer.synced();
        coalescer.flush();
        coalescer.upserted(pod("1", "Running"));
        coalescer.deleted("1");

        coalescer.flush();

        assertThat(delivered).hasSize(2);
        assertThat(delivered.get(1).upserts()).isEmpty();
        assertThat(delivered.get(1).deletedUids()).containsExactly("1");
        assertThat(delivered.get(1).synced()).isFalse();
    }

    @Test
    void aListedPageIsHandedOnWithoutWaitingForTheTimer() {
        coalescer.upserted(pod("1", "Running"));
        coalescer.upserted(pod("2", "Running"));
        coalescer.pageListed();

        assertThat(flushesAsked).hasSize(1);
        flushesAsked.get(0).run();
        assertThat(delivered).singleElement().satisfies(batch ->
                assertThat(batch.upserts()).extracting(KubeObject::uid).containsExactly("1", "2"));
    }

    @Test
    void nothingIsDeliveredWhenNothingHappened() {
        coalescer.flush();
        assertThat(delivered).isEmpty();
    }

    @Test
    void anEmptyListAfterAFailureClearsTheProblem() {
        coalescer.synced();
        coalescer.flush();
        coalescer.failed(new Problem(Problem.Kind.UNREACHABLE, "Nothing answers", ""));
        coalescer.flush();
        // The server is back and the list is empty now: no upserts, only the news that the list is whole again.
        coalescer.synced();
        coalescer.flush();

        assertThat(delivered).hasSize(3);
        assertThat(delivered.get(1).problem().kind()).isEqualTo(Problem.Kind.UNREACHABLE);
        assertThat(delivered.get(2).problem()).isNull();
        assertThat(delivered.get(2).synced()).isTrue();
    }

    @Test
    void aFailureAfterTheListInOneIntervalIsKept() {
        coalescer.upserted(pod("1", "Running"));
        coalescer.synced();
        coalescer.failed(new Problem(Problem.Kind.FAILED, "Stream broke", ""));
        coalescer.flush();

        assertThat(delivered).singleElement().satisfies(batch -> {
            assertThat(batch.upserts()).hasSize(1);
            assertThat(batch.synced()).isTrue();
            assertThat(batch.problem().kind()).isEqualTo(Problem.Kind.FAILED);
        });
    }

    @Test
    void failuresAreReportedUntilTheNextSuccess() {
        coalescer.failed(new Problem(Problem.Kind.FORBIDDEN, "No access", ""));
        coalescer.flush();
        coalescer.upserted(pod("1", "Running"));
        coalescer.synced();
        coalescer.flush();

        assertThat(delivered.get(0).problem().kind()).isEqualTo(Problem.Kind.FORBIDDEN);
        assertThat(delivered.get(1).problem()).isNull();
    }
}

package dev.wheelhouse.model;

import java.util.List;
import java.util.Objects;

/**
 * Changes to one live list, gathered over a short interval so the UI applies them at once.
 * {@code upserts} are added or changed objects; {@code deletedUids} are gone.
 * {@code synced} is true in the batch that completes a full list (the first one, and each new list after a
 * failure): the receiver then holds the whole list, and any earlier problem is over.
 * {@code problem} is the latest failure, if any; the watch keeps retrying.
 * {@code columns} are the server's printed columns of a watch of table rows (empty for whole objects): the
 * latest known, in every batch, so that a table with no rows still has its header.
 */
public record Batch(List<KubeObject> upserts, List<String> deletedUids, boolean synced, Problem problem,
                    List<PrintedColumn> columns) {

    public Batch {
        columns = Objects.requireNonNull(columns);
    }

    /** A batch of whole objects, which carry no printed columns. */
    public Batch(List<KubeObject> upserts, List<String> deletedUids, boolean synced, Problem problem) {
        this(upserts, deletedUids, synced, problem, List.of());
    }

    public boolean isEmpty() {
        return upserts.isEmpty() && deletedUids.isEmpty() && !synced && problem == null;
    }
}

package dev.wheelhouse.model;

import java.util.List;

/**
 * Changes to one live list, gathered over a short interval so the UI applies them at once.
 * {@code upserts} are added or changed objects; {@code deletedUids} are gone.
 * {@code synced} is true in the batch that completes a full list (the first one, and each new list after a
 * failure): the receiver then holds the whole list, and any earlier problem is over.
 * {@code problem} is the latest failure, if any; the watch keeps retrying.
 */
public record Batch(List<KubeObject> upserts, List<String> deletedUids, boolean synced, Problem problem) {

    public boolean isEmpty() {
        return upserts.isEmpty() && deletedUids.isEmpty() && !synced && problem == null;
    }
}

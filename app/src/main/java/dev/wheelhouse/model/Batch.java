package dev.wheelhouse.model;

import java.util.List;

/**
 * Changes to one live list, gathered over a short interval so the UI applies them at once.
 * {@code upserts} are added or changed objects; {@code deletedUids} are gone.
 * {@code synced} is true once the first full list has been delivered; {@code problem} is the latest failure, if any.
 */
public record Batch(List<KubeObject> upserts, List<String> deletedUids, boolean synced, Problem problem) {

    public boolean isEmpty() {
        return upserts.isEmpty() && deletedUids.isEmpty() && !synced && problem == null;
    }
}

package dev.wheelhouse.kube;

import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedColumn;
import java.util.List;
import dev.wheelhouse.model.Problem;

/** Receives one watched list's changes, on a watch thread (never the UI thread). */
public interface WatchListener {
    /** The columns the server prints for a watch of table rows; given before the rows read against them. */
    default void columns(List<PrintedColumn> columns) {
    }

    /** An object was added or changed. */
    void upserted(KubeObject object);

    /** The object with this uid is gone, deleted while watched or missing from a new list. */
    void deleted(String uid);

    /**
     * A full list has arrived: every listed object has been upserted before this call, and every object gone
     * since the previous list deleted. Called after the first list and after each relist (after a failure or 410).
     */
    void synced();

    /**
     * A page of a list has been given (upserts; for the last page also the deletions and {@link #synced}):
     * a moment to hand on what has gathered at once, so a big list's first rows need not wait for a timer.
     */
    default void pageListed() {
    }

    /** Listing or watching failed; the watch keeps retrying with backoff and lists again, then calls synced. */
    void failed(Problem problem);
}

package dev.wheelhouse.kube;

import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.Problem;

/** Receives one watched list's changes, on a watch thread (never the UI thread). */
public interface WatchListener {
    /** An object was added or changed. */
    void upserted(KubeObject object);

    void deleted(KubeObject object);

    /** The first full list has arrived; until then, upserts are the initial load. */
    void synced();

    /** Listing or watching failed; the watch keeps retrying with backoff. */
    void failed(Problem problem);
}

package dev.wheelhouse.ui.switcher;

import java.util.List;
import java.util.Optional;

/**
 * Where the quick switcher's candidates come from, supplied by the app (the switcher knows no
 * other feature): what the window has loaded, and a one-off fetch of the objects of all kinds.
 */
public interface SwitcherSources {

    /** Contexts, namespaces, kinds and the objects of the table shown; called on the UI thread when the switcher opens. */
    List<Candidate> loaded();

    /** The fetch of all kinds' objects on the connected cluster, prepared on the UI thread; empty when not connected. */
    Optional<ObjectSearch> searchAllKinds();

    /** Blocking: lists objects of every kind it covers, by name (fetched once, not watched); run off the UI thread. */
    @FunctionalInterface
    interface ObjectSearch {
        List<Candidate> fetch() throws Exception;
    }
}

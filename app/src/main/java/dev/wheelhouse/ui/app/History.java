package dev.wheelhouse.ui.app;

import dev.wheelhouse.ui.common.Workspace.Place;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/** What was viewed, for back and forward (Alt+Left/Right, the mouse's side buttons), as a browser keeps it. */
final class History {
    static final int LIMIT = 100;

    private final List<Place> places = new ArrayList<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
    private int at = -1;

    /** A new place was viewed: it drops whatever was forward of the current one. */
    void visit(Place place) {
        if (place.kind() == null || (at >= 0 && same(places.get(at), place))) {
            if (at >= 0 && same(places.get(at), place)) {
                places.set(at, place);
            }
            return;
        }
        places.subList(at + 1, places.size()).clear();
        places.add(place);
        if (places.size() > LIMIT) {
            places.remove(0);
        }
        at = places.size() - 1;
        refresh();
    }

    Optional<Place> back() {
        if (at <= 0) {
            return Optional.empty();
        }
        at--;
        refresh();
        return Optional.of(places.get(at));
    }

    Optional<Place> forward() {
        if (at >= places.size() - 1) {
            return Optional.empty();
        }
        at++;
        refresh();
        return Optional.of(places.get(at));
    }

    void clear() {
        places.clear();
        at = -1;
        refresh();
    }

    /** The same kind in the same namespace showing the same object (or none): a live update, not a visit. */
    private static boolean same(Place a, Place b) {
        return a.kind() == b.kind() && Objects.equals(a.namespace(), b.namespace())
                && Objects.equals(a.object() == null ? null : a.object().uid(), b.object() == null ? null : b.object().uid());
    }

    private void refresh() {
        canGoBack.set(at > 0);
        canGoForward.set(at < places.size() - 1);
    }

    ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }
}

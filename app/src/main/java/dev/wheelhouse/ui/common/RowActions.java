package dev.wheelhouse.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/** The row actions features have contributed, in the order they came. */
public final class RowActions {
    private final ObservableList<RowAction> actions = FXCollections.observableArrayList();

    /** Adds an action; the subscription removes it again (when its feature detaches). */
    public Subscription contribute(RowAction action) {
        actions.add(action);
        return () -> actions.remove(action);
    }

    public ObservableList<RowAction> list() {
        return actions;
    }
}

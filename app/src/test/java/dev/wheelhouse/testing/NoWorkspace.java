package dev.wheelhouse.testing;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.ui.common.Workspace;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** A workspace that shows nothing and is asked nothing: for a view or bench that runs without the app around it. */
public final class NoWorkspace implements Workspace {
    private final SimpleObjectProperty<Place> place = new SimpleObjectProperty<>(Place.NOWHERE);

    @Override
    public void showKind(String namespace, KindDescriptor kind) {
    }

    @Override
    public void showObject(String namespace, KindDescriptor kind, KubeObject object) {
    }

    @Override
    public void follow(String kind, String namespace, String name) {
    }

    @Override
    public ReadOnlyObjectProperty<Place> placeProperty() {
        return place;
    }
}

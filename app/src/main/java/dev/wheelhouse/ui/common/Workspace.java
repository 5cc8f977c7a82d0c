package dev.wheelhouse.ui.common;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import javafx.beans.property.ReadOnlyObjectProperty;

/**
 * How features reach each other: by asking the workspace (implemented in {@code ui.app}) to show
 * something, never by importing another feature. "Open this ConfigMap" from the details is a
 * request here, which the app turns into a table, a selection and a tree reveal.
 */
public interface Workspace {
    /** Shows a kind's live table; {@code namespace} null means all namespaces. */
    void showKind(String namespace, KindDescriptor kind);

    /** Shows an object's details, and its kind's table if another one was shown. */
    void showObject(String namespace, KindDescriptor kind, KubeObject object);

    /** Follows a reference to another object by kind and name (a link in the details). */
    void follow(String kind, String namespace, String name);

    /** What the window shows now. */
    ReadOnlyObjectProperty<Place> placeProperty();

    /** A namespace (null: all namespaces), a kind, and possibly one of its objects. */
    record Place(String namespace, KindDescriptor kind, KubeObject object) {
        public static final Place NOWHERE = new Place(null, null, null);
    }
}

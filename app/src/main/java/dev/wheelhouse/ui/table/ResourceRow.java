package dev.wheelhouse.ui.table;

import dev.wheelhouse.kinds.Health;
import dev.wheelhouse.model.KubeObject;
import java.util.List;

/** One table row: the object, its cells as text (computed off the UI thread), and its health. */
public record ResourceRow(KubeObject object, List<String> cells, Health health) {

    public String name() {
        return object.name();
    }

    public String namespace() {
        return object.namespace();
    }
}

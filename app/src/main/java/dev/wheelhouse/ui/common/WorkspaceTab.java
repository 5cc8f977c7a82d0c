package dev.wheelhouse.ui.common;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * A tab a feature asks the workspace to open: details now; YAML, logs, forwards and learning as they
 * come. {@code id} makes asking twice bring the same tab forward; {@code content} builds its view,
 * which binds when the tab shows it and lets go when the tab closes. {@code mayClose} is asked when
 * the user closes it (an editor with unsaved text asks first); false keeps it open.
 */
public record WorkspaceTab(String id, String title, Ikon icon, Supplier<Node> content, BooleanSupplier mayClose) {

    public WorkspaceTab(String id, String title, Ikon icon, Supplier<Node> content) {
        this(id, title, icon, content, () -> true);
    }
}

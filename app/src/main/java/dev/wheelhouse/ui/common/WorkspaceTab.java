package dev.wheelhouse.ui.common;

import java.util.function.Supplier;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * A tab a feature asks the workspace to open: details now; YAML, logs, forwards and learning as they
 * come. {@code id} makes asking twice bring the same tab forward; {@code content} builds its view,
 * which binds when the tab shows it and lets go when the tab closes.
 */
public record WorkspaceTab(String id, String title, Ikon icon, Supplier<Node> content) {
}

package dev.wheelhouse.ui.common;

import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.input.KeyCombination;

/**
 * Something a feature lets the user do to the selected object (delete, scale, and later "edit
 * YAML" or "logs"), contributed to the table's context menu and keys without the table knowing
 * the feature.
 *
 * @param applies whether the action makes sense for this place at all (Scale only for scalable kinds)
 * @param key     its shortcut while the table has the focus, or null
 */
public record RowAction(String id, String label, KeyCombination key, Predicate<Workspace.Place> applies,
                        Consumer<Workspace.Place> run) {
}

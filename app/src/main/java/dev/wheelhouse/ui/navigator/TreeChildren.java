package dev.wheelhouse.ui.navigator;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

/**
 * Brings a tree branch's children to a wanted list with the fewest changes. Replacing them all
 * (setAll) would drop the user's selection and open branches whenever anything in the list changes,
 * such as a namespace appearing elsewhere in the cluster.
 */
final class TreeChildren {
    private TreeChildren() {
    }

    static <T> void update(ObservableList<TreeItem<T>> current, List<TreeItem<T>> wanted) {
        if (current.equals(wanted)) {
            return;
        }
        Map<TreeItem<T>, Boolean> keep = new IdentityHashMap<>();
        wanted.forEach(item -> keep.put(item, Boolean.TRUE));
        current.removeIf(item -> !keep.containsKey(item));
        for (int i = 0; i < wanted.size(); i++) {
            TreeItem<T> item = wanted.get(i);
            if (i < current.size() && current.get(i) == item) {
                continue;
            }
            current.remove(item);
            current.add(i, item);
        }
    }
}

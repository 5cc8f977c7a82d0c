package dev.wheelhouse.ui.navigator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.Test;

class TreeChildrenTest {
    private final TreeItem<String> parent = new TreeItem<>("root");
    private final TreeItem<String> a = new TreeItem<>("a");
    private final TreeItem<String> b = new TreeItem<>("b");
    private final TreeItem<String> c = new TreeItem<>("c");

    @Test
    void itemsThatStayAreNeverRemoved() {
        parent.getChildren().setAll(a, c);
        List<TreeItem<String>> removed = new ArrayList<>();
        parent.getChildren().addListener((ListChangeListener<TreeItem<String>>) change -> {
            while (change.next()) {
                removed.addAll(change.getRemoved());
            }
        });

        TreeChildren.update(parent.getChildren(), List.of(a, b, c));
        assertThat(parent.getChildren()).containsExactly(a, b, c);
        assertThat(removed).isEmpty();

        TreeChildren.update(parent.getChildren(), List.of(a, c));
        assertThat(parent.getChildren()).containsExactly(a, c);
        assertThat(removed).containsExactly(b);
    }

    @Test
    void reordersWhenAskedTo() {
        parent.getChildren().setAll(a, b, c);

        TreeChildren.update(parent.getChildren(), List.of(c, a));

        assertThat(parent.getChildren()).containsExactly(c, a);
    }
}

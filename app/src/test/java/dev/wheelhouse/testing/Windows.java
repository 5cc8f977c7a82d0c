package dev.wheelhouse.testing;

import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.app.MainViewModel;
import dev.wheelhouse.ui.app.WheelhouseApp;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window in UI tests, as the app builds it, and what tests look for in its tree. */
public final class Windows {
    private Windows() {
    }

    /**
     * Shows the main window on {@code stage} (on the FX thread) for these kubeconfig files, asked to
     * open {@code namespace} (null: the context's own), and starts it on {@code context} (null: the current one).
     */
    public static MainViewModel open(Stage stage, List<Path> kubeconfigs, String namespace, String context) {
        MainViewModel model = new MainViewModel(new ClusterService(kubeconfigs), BackgroundTasks.forJavaFx());
        model.requestNamespace(namespace);
        stage.setScene(WheelhouseApp.createScene(model));
        stage.show();
        model.start(context);
        return model;
    }

    /** Closes the window's sessions and watches, as closing the app does. */
    public static void close(MainViewModel model) throws Exception {
        WaitForAsyncUtils.asyncFx(model::close).get(10, TimeUnit.SECONDS);
    }

    /**
     * Clicks a tree's row as a user would (opening its branch and scrolling it into view first), so the tree
     * treats it as the user's choice.
     */
    public static <T> void click(FxRobot robot, TreeView<T> tree, TreeItem<T> item) throws Exception {
        robot.interact(() -> {
            for (TreeItem<T> up = item.getParent(); up != null; up = up.getParent()) {
                up.setExpanded(true);
            }
        });
        // Rows move while namespaces come and go (other tests make and delete theirs): a click can land on the
        // row that moved under the pointer. Click again until the item itself is the one selected.
        for (int attempt = 1; ; attempt++) {
            robot.interact(() -> tree.scrollTo(tree.getRow(item)));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                    .anyMatch(cell -> cell.getTreeItem() == item && cell.isVisible()));
            TreeCell<?> cell = robot.lookup(".tree-cell").queryAllAs(TreeCell.class).stream()
                    .filter(c -> c.getTreeItem() == item).findFirst().orElseThrow();
            robot.clickOn(cell);
            try {
                WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> tree.getSelectionModel().getSelectedItem() == item);
                return;
            } catch (java.util.concurrent.TimeoutException missed) {
                if (attempt == 3) {
                    throw missed;
                }
            }
        }
    }

    /** The first item of a tree, depth first, that passes {@code test}. */
    public static <T> Optional<TreeItem<T>> find(TreeItem<T> from, Predicate<TreeItem<T>> test) {
        if (from.getValue() != null && test.test(from)) {
            return Optional.of(from);
        }
        for (TreeItem<T> child : from.getChildren()) {
            Optional<TreeItem<T>> found = find(child, test);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}

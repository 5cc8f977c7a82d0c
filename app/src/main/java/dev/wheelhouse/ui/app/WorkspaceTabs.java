package dev.wheelhouse.ui.app;

import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.TabHost;
import dev.wheelhouse.ui.common.WorkspaceTab;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The tabs under the table: every one closable, and the last ones closed can be opened again
 * (Ctrl+Shift+T), as in a browser. A closed tab's view leaves the scene, so its watches stop.
 */
final class WorkspaceTabs extends TabPane implements TabHost {
    static final int REMEMBERED = 20;

    private final Deque<WorkspaceTab> closed = new ArrayDeque<>();

    WorkspaceTabs() {
        setId("workspace-tabs");
        setTabClosingPolicy(TabClosingPolicy.ALL_TABS);
    }

    @Override
    public void open(WorkspaceTab wanted) {
        for (Tab tab : getTabs()) {
            if (wanted.id().equals(tab.getId())) {
                getSelectionModel().select(tab);
                return;
            }
        }
        Tab tab = new Tab(wanted.title(), wanted.content().get());
        tab.setId(wanted.id());
        tab.setGraphic(Icons.of(wanted.icon()));
        tab.setOnClosed(e -> remember(wanted));
        getTabs().add(tab);
        getSelectionModel().select(tab);
    }

    /** Whether this tab is the one in front. */
    boolean inFront(WorkspaceTab tab) {
        Tab selected = getSelectionModel().getSelectedItem();
        return selected != null && tab.id().equals(selected.getId());
    }

    private void remember(WorkspaceTab tab) {
        closed.remove(tab);
        closed.push(tab);
        while (closed.size() > REMEMBERED) {
            closed.removeLast();
        }
    }

    /** Opens the tab closed last, if any. */
    void reopenClosed() {
        if (!closed.isEmpty()) {
            open(closed.pop());
        }
    }
}

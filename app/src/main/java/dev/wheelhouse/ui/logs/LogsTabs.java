package dev.wheelhouse.ui.logs;

import dev.wheelhouse.kinds.KindDescriptor.Capability;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.LogTarget;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.RowAction;
import dev.wheelhouse.ui.common.TabHost;
import dev.wheelhouse.ui.common.Workspace.Place;
import dev.wheelhouse.ui.common.WorkspaceTab;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;

/**
 * The "Logs" row action (key L) for pods and the kinds that run pods: it opens a log tab in the workspace,
 * one per object ({@code logs:<context>/<namespace>/<kind>/<name>}), or brings it forward.
 */
public final class LogsTabs {
    private LogsTabs() {
    }

    /**
     * @param session  the active context's session, when connected
     * @param maxLines the ring's bound from the settings
     */
    public static RowAction action(TabHost tabs, Supplier<ClusterSession> session, BackgroundTasks tasks, IntSupplier maxLines) {
        return new RowAction("logs", "Logs", new KeyCodeCombination(KeyCode.L),
                place -> place.kind() != null && place.object() != null && place.kind().can(Capability.LOGGABLE),
                place -> {
                    ClusterSession now = session.get();
                    if (now != null) {
                        tabs.open(tab(now, place, tasks, maxLines.getAsInt()));
                    }
                });
    }

    static WorkspaceTab tab(ClusterSession session, Place place, BackgroundTasks tasks, int maxLines) {
        String namespace = place.object().namespace();
        String kind = place.kind().kind();
        String name = place.object().name();
        LogTarget target = LogTarget.of(namespace, kind, name);
        String id = "logs:" + session.info().context().name() + "/" + namespace + "/" + kind + "/" + name;
        return new WorkspaceTab(id, "Logs " + name, Icons.LOGS,
                () -> new LogsView(new LogsViewModel(tasks, session.logs()::tail, target, maxLines)));
    }
}

package dev.wheelhouse.ui.actions;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Problems;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Delete, scale, restart and cordon, run in the background against the open session; each ends
 * with a sentence saying what happened, or the API server's reason it did not.
 */
public final class ActionsViewModel {
    /** What the result line says while an action runs. */
    public static final String WORKING = "Working…";

    private final BackgroundTasks tasks;
    private final Supplier<ClusterSession> session;
    private final ObservableBooleanValue readOnly;
    private final StringProperty lastResult = new SimpleStringProperty("");
    private final BooleanProperty lastResultFailed = new SimpleBooleanProperty();

    /** @param readOnly classroom read-only mode: the buttons grey out, and the service refuses anyway */
    public ActionsViewModel(BackgroundTasks tasks, Supplier<ClusterSession> session, ObservableBooleanValue readOnly) {
        this.tasks = tasks;
        this.session = session;
        this.readOnly = readOnly;
    }

    public void delete(KindDescriptor kind, KubeObject object) {
        act(s -> s.actions().delete(kind, object));
    }

    public void scale(KindDescriptor kind, KubeObject object, String replicas) {
        int count;
        try {
            count = Integer.parseInt(replicas.trim());
        } catch (NumberFormatException e) {
            report("Replicas must be a whole number, not \"" + replicas + "\".", true);
            return;
        }
        if (count < 0) {
            report("Replicas cannot be negative.", true);
            return;
        }
        act(s -> s.actions().scale(kind, object, count));
    }

    public void restart(KindDescriptor kind, KubeObject object) {
        act(s -> s.actions().restart(kind, object));
    }

    public void setCordoned(KindDescriptor kind, KubeObject node, boolean cordoned) {
        act(s -> s.actions().setCordoned(kind, node, cordoned));
    }

    /** The kubectl command that lists this object, to paste into a terminal. */
    public static String kubectlGet(KindDescriptor kind, KubeObject object) {
        return "kubectl get " + kind.type().qualifiedPlural() + " " + object.name()
                + (object.namespace().isEmpty() ? "" : " -n " + object.namespace());
    }

    private void act(SessionAction action) {
        ClusterSession current = session.get();
        if (current == null) {
            report("Not connected.", true);
            return;
        }
        report(WORKING, false);
        tasks.run(() -> action.apply(current), message -> report(message, false),
                e -> report(Problems.of(e).message(), true));
    }

    /** Failed first: whoever hears the message reads whether it is a failure. */
    private void report(String message, boolean failed) {
        lastResultFailed.set(failed);
        lastResult.set(message);
    }

    @FunctionalInterface
    private interface SessionAction {
        String apply(ClusterSession session) throws Exception;
    }

    public ObservableBooleanValue readOnlyProperty() {
        return readOnly;
    }

    public StringProperty lastResultProperty() {
        return lastResult;
    }

    public BooleanProperty lastResultFailedProperty() {
        return lastResultFailed;
    }
}

package dev.wheelhouse.ui.labs;

import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.Settings;
import dev.wheelhouse.service.labs.Lab;
import dev.wheelhouse.service.labs.LabProgress;
import dev.wheelhouse.service.labs.LabReset;
import dev.wheelhouse.service.labs.LabTracker;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Handles;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The labs: which one is open, how many of its steps are done on the active context (ticked off by a
 * {@link LabTracker} while the view is on screen, and kept in the settings per context), and resetting it.
 */
public final class LabsViewModel {
    static final String SELECTED = "labs.selected";

    private final BackgroundTasks tasks;
    private final ObservableValue<ClusterSession> session;
    private final Supplier<Settings> settings;
    private final BiConsumer<String, Object> save;
    private final ObservableList<Lab> labs = FXCollections.observableArrayList();
    private final ObjectProperty<Lab> lab = new SimpleObjectProperty<>();
    private final IntegerProperty stepsDone = new SimpleIntegerProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private LabTracker tracker;
    private int viewers;
    /** Bumped whenever the tracker is replaced, so a late tick of an old one is dropped. */
    private long generation;

    /**
     * @param session   the active context's session (null while not connected)
     * @param settings  the settings now; {@code save} records a change (key, value; null removes)
     */
    public LabsViewModel(BackgroundTasks tasks, ObservableValue<ClusterSession> session, List<Lab> labs,
                         Supplier<Settings> settings, BiConsumer<String, Object> save) {
        this.tasks = tasks;
        this.session = session;
        this.settings = settings;
        this.save = save;
        this.labs.setAll(labs);
        String remembered = settings.get().string(SELECTED, "");
        lab.set(labs.stream().filter(l -> l.id().equals(remembered)).findFirst().orElse(labs.get(0)));
        session.addListener((obs, was, now) -> restart());
    }

    /** The view is on screen: follow the lab on the cluster. */
    public void activate() {
        viewers++;
        if (viewers == 1) {
            restart();
        }
    }

    /** The view left the screen: stop watching. */
    public void deactivate() {
        viewers = Math.max(0, viewers - 1);
        if (viewers == 0) {
            stopTracking();
        }
    }

    public void select(Lab chosen) {
        if (chosen != null && chosen != lab.get()) {
            lab.set(chosen);
            save.accept(SELECTED, chosen.id());
            message.set("");
            restart();
        }
    }

    private void restart() {
        stopTracking();
        ClusterSession now = session.getValue();
        Lab current = lab.get();
        if (now == null) {
            stepsDone.set(0);
            return;
        }
        String context = now.info().context().name();
        int done = LabProgress.stepsDone(settings.get(), context, current);
        stepsDone.set(done);
        if (viewers == 0) {
            return;
        }
        long mine = generation;
        tracker = LabTracker.start(now, current, done, count -> tasks.uiThread().execute(() -> {
            if (mine == generation) {
                stepsDone.set(count);
                save.accept(LabProgress.key(context, current), count);
            }
        }), problem -> tasks.uiThread().execute(() -> {
            if (mine == generation) {
                message.set(problem);
            }
        }));
    }

    private void stopTracking() {
        generation++;
        LabTracker old = tracker;
        tracker = null;
        if (old != null) {
            tasks.runInBackground(() -> Handles.closeQuietly(old));
        }
    }

    /** Deletes what the lab made (its namespaces) and starts it afresh; the view asks first. */
    public void reset() {
        ClusterSession now = session.getValue();
        Lab current = lab.get();
        if (now == null || busy.get()) {
            return;
        }
        busy.set(true);
        stopTracking();
        String context = now.info().context().name();
        tasks.run(() -> LabReset.reset(now, current), said -> {
            busy.set(false);
            save.accept(LabProgress.key(context, current), null);
            message.set(said);
            restart();
        }, e -> {
            busy.set(false);
            message.set(e instanceof ProblemException p ? "Reset failed: " + p.problem().message() : "Reset failed: " + e.getMessage());
            restart();
        });
    }

    /** Whether a step is done, the one to do now, or still ahead. */
    public enum StepState { DONE, CURRENT, AHEAD }

    public StepState stateOf(int step) {
        return step < stepsDone.get() ? StepState.DONE : step == stepsDone.get() ? StepState.CURRENT : StepState.AHEAD;
    }

    /** "2 of 4 steps done", or that the lab is finished. */
    public String progressText() {
        int total = lab.get().steps().size();
        return stepsDone.get() >= total ? "All " + total + " steps done. Reset to try it again."
                : stepsDone.get() + " of " + total + " steps done";
    }

    public List<Lab> labList() {
        return labs;
    }

    public ReadOnlyObjectProperty<Lab> labProperty() {
        return lab;
    }

    public ReadOnlyIntegerProperty stepsDoneProperty() {
        return stepsDone;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ObservableValue<ClusterSession> sessionProperty() {
        return session;
    }

    boolean isTracking() {
        return tracker != null;
    }
}

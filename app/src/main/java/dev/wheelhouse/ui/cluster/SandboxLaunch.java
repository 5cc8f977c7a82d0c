package dev.wheelhouse.ui.cluster;

import dev.wheelhouse.service.SandboxStarter;
import dev.wheelhouse.ui.common.BackgroundTasks;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Start sandbox" action, offered wherever there is no cluster to work on (the connection pane, the labs):
 * runs the repository's sandbox/up off the UI thread, keeps its progress lines, then connects to the sandbox.
 * One per window, so every place that offers it shows the same run.
 */
public final class SandboxLaunch {
    /** The progress lines kept; sandbox/up prints a few dozen on a first run. */
    static final int LINES = 200;

    private final BackgroundTasks tasks;
    private final ClusterModel cluster;
    private final SandboxStarter starter;
    private final ReadOnlyBooleanWrapper starting = new ReadOnlyBooleanWrapper();
    private final ObservableList<String> lines = FXCollections.observableArrayList();

    SandboxLaunch(BackgroundTasks tasks, ClusterModel cluster, SandboxStarter starter) {
        this.tasks = tasks;
        this.cluster = cluster;
        this.starter = starter;
    }

    /** Whether this copy of the app can start the sandbox; an installed one cannot (see {@link #advice()}). */
    public boolean available() {
        return starter.available();
    }

    /** What to do instead, when the app was installed without the source. */
    public String advice() {
        return SandboxStarter.WITHOUT_SOURCE;
    }

    public void start() {
        if (starting.get() || !starter.available()) {
            return;
        }
        starting.set(true);
        lines.setAll("Starting the sandbox (sandbox/up); its first start builds it and takes a few minutes…");
        tasks.run(() -> starter.start(line -> tasks.uiThread().execute(() -> add(line))), kubeconfig -> {
            starting.set(false);
            add("The sandbox is up; connecting to it.");
            cluster.addKubeconfigAndConnect(kubeconfig);
        }, e -> {
            starting.set(false);
            add(e.getMessage());
        });
    }

    private void add(String line) {
        lines.add(line);
        if (lines.size() > LINES) {
            lines.remove(0, lines.size() - LINES);
        }
    }

    public ReadOnlyBooleanProperty startingProperty() {
        return starting.getReadOnlyProperty();
    }

    public ObservableList<String> lines() {
        return lines;
    }
}

package dev.wheelhouse.testing;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.service.LineRing;
import dev.wheelhouse.service.LogTarget;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.logs.LogsViewModel;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A log tab's view model on a tail, without the toolkit: a thread of its own stands in for the UI thread, and
 * every read goes through it. What it lists is what a user's tab lists.
 */
public final class HeadlessLogView implements AutoCloseable {
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "headless-log-view");
        thread.setDaemon(true);
        return thread;
    });
    private final LogsViewModel model;

    public HeadlessLogView(LogsViewModel.Opener opener, LogTarget target, LogOptions options) {
        model = on(() -> {
            LogsViewModel opened = new LogsViewModel(new BackgroundTasks(uiThread, uiThread), opener, target,
                    LineRing.DEFAULT_MAX_LINES);
            opened.containerProperty().set(options.container() == null ? "" : options.container());
            opened.followProperty().set(options.follow());
            opened.previousProperty().set(options.previous());
            opened.tailLinesProperty().set(options.tailLines());
            opened.sinceSecondsProperty().set(options.sinceSeconds());
            opened.start();
            return opened;
        });
    }

    /** The lines the tab lists, in its order. */
    public List<LogLine> lines() {
        return on(() -> List.copyOf(model.lines()));
    }

    private <T> T on(Callable<T> read) {
        try {
            return uiThread.submit(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        on(() -> {
            model.stop();
            return null;
        });
        uiThread.shutdown();
    }
}

package dev.wheelhouse.ui.app;

import dev.wheelhouse.service.DraftStore;
import dev.wheelhouse.service.Settings;
import dev.wheelhouse.service.SettingsStore;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The settings as the UI changes them: read once at start, each change written in the background
 * by one writer thread (so writes land in order), the last one waited for when the app closes.
 * Features take it to read and record what they want kept (theme, geometry, later unsaved tabs).
 */
public final class SettingsKeeper {
    private final SettingsStore store;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wheelhouse-settings");
        thread.setDaemon(true);
        return thread;
    });
    private final Consumer<String> onProblem;
    private Settings current;
    private DraftStore drafts;

    public SettingsKeeper(SettingsStore store, Settings loaded, Consumer<String> onProblem) {
        this.store = store;
        this.current = loaded;
        this.onProblem = onProblem;
    }

    /** Settings that are never written (tests, or a store that could not be read). */
    public static SettingsKeeper inMemory() {
        return new SettingsKeeper(null, Settings.EMPTY, problem -> { });
    }

    /** Where editor drafts are kept: beside the settings file, or only in memory when settings are. */
    public DraftStore drafts() {
        if (drafts == null) {
            drafts = store == null ? DraftStore.inMemory() : DraftStore.in(store.file().toAbsolutePath().getParent());
        }
        return drafts;
    }

    public Settings current() {
        return current;
    }

    /** Records a change; a value equal to the current one writes nothing, and nothing is written after closing. */
    public void set(String key, Object value) {
        Settings changed = current.with(key, value);
        if (changed.equals(current)) {
            return;
        }
        current = changed;
        if (store != null && !writer.isShutdown()) {
            writer.execute(() -> {
                try {
                    store.save(changed);
                } catch (IOException e) {
                    onProblem.accept("Settings could not be saved to " + store.file() + ": " + e.getMessage());
                }
            });
        }
    }

    /** Waits (briefly) for the last write; called as the app closes. */
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

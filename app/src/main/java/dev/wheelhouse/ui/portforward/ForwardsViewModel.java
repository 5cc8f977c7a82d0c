package dev.wheelhouse.ui.portforward;

import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.ResourceType;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.FavouriteForwards;
import dev.wheelhouse.service.FavouriteForwards.Favourite;
import dev.wheelhouse.service.Forward;
import dev.wheelhouse.service.ForwardTarget;
import dev.wheelhouse.service.ForwardablePorts;
import dev.wheelhouse.service.PortForwardService;
import dev.wheelhouse.service.Settings;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Handles;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Every forward of the app, across contexts, as rows for the forwards panel, and the favourites of the active
 * context. Starting and stopping run in the background (binding a port, closing connections); the rows follow
 * the service's changes, and {@link #refresh()} brings the byte counts up to date.
 */
public final class ForwardsViewModel {
    private final PortForwardService service;
    private final BackgroundTasks tasks;
    private final Supplier<ClusterSession> activeSession;
    private final Supplier<Settings> settings;
    private final BiConsumer<String, Object> saveSetting;
    private final ObservableList<ForwardRow> rows = FXCollections.observableArrayList();
    private final ObservableList<Favourite> favourites = FXCollections.observableArrayList();
    private final SimpleIntegerProperty activeCount = new SimpleIntegerProperty();
    private final AutoCloseable listening;
    private boolean refreshQueued;

    /**
     * @param saveSetting      records one setting (key, value; null removes it)
     */
    public ForwardsViewModel(PortForwardService service, BackgroundTasks tasks, Supplier<ClusterSession> activeSession,
                             Supplier<Settings> settings,
                             BiConsumer<String, Object> saveSetting) {
        this.service = service;
        this.tasks = tasks;
        this.activeSession = activeSession;
        this.settings = settings;
        this.saveSetting = saveSetting;
        // Changes come from forwards' threads, many at once under load: one refresh on the UI thread per burst.
        this.listening = service.onChange(() -> tasks.later(this::refreshOnce));
        refresh();
    }

    /** One row of the panel: the forward, and its state as text. */
    public record ForwardRow(Forward forward, String context, String target, String url, Forward.State state, String message,
                             String pod, int connections, long bytesIn, long bytesOut, boolean favourite,
                             Optional<ForwardTarget> replacement) {
    }

    private void refreshOnce() {
        if (!refreshQueued) {
            refreshQueued = true;
            tasks.later(() -> {
                refreshQueued = false;
                refresh();
            });
        }
    }

    /** Reads every forward's state again (the panel calls it every second, for the byte counts). */
    public void refresh() {
        List<ForwardRow> now = service.forwards().stream().map(this::row).toList();
        if (!now.equals(rows)) {
            rows.setAll(now);
        }
        activeCount.set((int) now.stream().filter(r -> r.state() == Forward.State.ACTIVE).count());
        String context = activeContext();
        List<Favourite> wanted = context == null ? List.of() : FavouriteForwards.of(settings.get(), context);
        if (!wanted.equals(favourites)) {
            favourites.setAll(wanted);
        }
    }

    private ForwardRow row(Forward forward) {
        Forward.Status status = forward.status();
        boolean favourite = FavouriteForwards.of(settings.get(), forward.context()).stream()
                .anyMatch(f -> f.target().equals(forward.target()));
        return new ForwardRow(forward, forward.context(), forward.target().toString(), forward.url(), status.state(),
                status.message(), status.pod(), status.connections(), status.bytesIn(), status.bytesOut(), favourite,
                forward.replacement());
    }

    private String activeContext() {
        ClusterSession session = activeSession.get();
        return session == null ? null : session.info().context().name();
    }

    /** The forward of the active context to this target, if one runs. */
    public Optional<ForwardRow> forwardTo(ForwardTarget target) {
        String context = activeContext();
        return rows.stream().filter(r -> r.context().equals(context) && r.forward().target().equals(target)).findFirst();
    }

    /** Starts forwarding {@code target} on the active context. */
    public void start(ForwardTarget target, String address, int localPort) {
        ClusterSession session = activeSession.get();
        if (session != null) {
            tasks.run(() -> service.start(session, target, address, localPort), forward -> refresh(), e -> refresh());
        }
    }

    /** The details' toggle: on starts a forward of the active context, off stops it. */
    public void toggle(ForwardTarget target, boolean on) {
        Optional<ForwardRow> running = forwardTo(target);
        if (on && running.isEmpty()) {
            start(target, null, 0);
        } else if (!on) {
            running.ifPresent(this::stop);
        }
    }

    public void stop(ForwardRow row) {
        rows.remove(row);
        tasks.run(() -> {
            service.stop(row.forward());
            return null;
        }, done -> refresh(), e -> refresh());
    }

    /** "Pod gone": replaces the forward by one to the Pods of the gone Pod's owner, on the same local port. */
    public void retarget(ForwardRow row) {
        ClusterSession session = activeSession.get();
        if (row.replacement().isEmpty() || session == null || !session.info().context().name().equals(row.context())) {
            return;
        }
        rows.remove(row);
        tasks.run(() -> {
            int port = row.forward().localPort();
            service.stop(row.forward());
            return service.start(session, row.replacement().get(), null, port);
        }, forward -> refresh(), e -> refresh());
    }

    public void stopAll() {
        rows.clear();
        tasks.run(() -> {
            service.stopAll();
            return null;
        }, done -> refresh(), e -> refresh());
    }

    /** Marks a forward favourite on its context (with its local port), or no longer. */
    public void setFavourite(ForwardRow row, boolean favourite) {
        String key = FavouriteForwards.key(row.context());
        Settings changed = favourite
                ? FavouriteForwards.with(settings.get(), row.context(), new Favourite(row.forward().target(), row.forward().localPort()))
                : FavouriteForwards.without(settings.get(), row.context(), row.forward().target());
        saveSetting.accept(key, changed.list(key).isEmpty() ? null : changed.list(key));
        refresh();
    }

    /** Starts a favourite of the active context again, on its old local port when it is free. */
    public void startFavourite(Favourite favourite) {
        ClusterSession session = activeSession.get();
        if (session != null && forwardTo(favourite.target()).isEmpty()) {
            tasks.run(() -> {
                Forward forward = service.start(session, favourite.target(), null, favourite.localPort());
                if (forward.status().state() == Forward.State.ERROR && forward.localPort() == 0) {
                    // Its old port is taken now: any port will do.
                    service.stop(forward);
                    return service.start(session, favourite.target(), null, 0);
                }
                return forward;
            }, forward -> refresh(), e -> refresh());
        }
    }

    /**
     * Loads a table row's whole object (rows carry only metadata) and hands its forwardable ports to
     * {@code onPorts} on the UI thread: what the Forward… dialog offers.
     */
    public void loadPorts(ResourceType type, KubeObject row, Consumer<List<ForwardablePorts.Port>> onPorts, Consumer<String> onFailure) {
        ClusterSession session = activeSession.get();
        if (session == null) {
            onFailure.accept("Not connected.");
            return;
        }
        tasks.run(() -> {
            CompletableFuture<KubeObject> whole = new CompletableFuture<>();
            AutoCloseable watch = session.watch(type, row.namespace(), ListSelector.fields("metadata.name=" + row.name()),
                    (Batch batch) -> {
                        batch.upserts().stream().filter(o -> o.uid().equals(row.uid())).findFirst().ifPresent(whole::complete);
                        if (batch.problem() != null) {
                            whole.completeExceptionally(new IllegalStateException(batch.problem().message()));
                        }
                    });
            try {
                return ForwardablePorts.of(whole.get(15, TimeUnit.SECONDS));
            } finally {
                Handles.closeQuietly(watch);
            }
        }, onPorts, e -> onFailure.accept(e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
    }

    public ObservableList<ForwardRow> rows() {
        return rows;
    }

    public ObservableList<Favourite> favourites() {
        return favourites;
    }

    /** How many forwards are active now (the toolbar button's badge). */
    public ReadOnlyIntegerProperty activeCountProperty() {
        return activeCount;
    }

    /** Stops every forward; called as the app closes. */
    public void close() {
        Handles.closeQuietly(listening);
        service.stopAll();
    }

    /** Bytes as people read them: 812 B, 14.2 KB, 3.1 MB. */
    public static String bytes(long count) {
        if (count < 1024) {
            return count + " B";
        }
        if (count < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", count / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", count / (1024.0 * 1024));
    }
}

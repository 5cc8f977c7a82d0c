package dev.wheelhouse.ui.details;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.ObjectDetails;
import dev.wheelhouse.kinds.builtin.Events;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Handles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details of the selected object, kept current: its sections, its Events (newest first), and
 * for a Service the Pods it selects. Each list is a shared watch, opened while the view is on
 * screen (activate) and closed when it leaves (deactivate) or another object is shown. A newer
 * state of the same object only updates the sections: the watches stay. Shown from a table row (metadata
 * only), the sections start from the metadata and fill in when the object's watch delivers it whole.
 */
public final class DetailsViewModel {
    private final BackgroundTasks tasks;
    private final ObjectProperty<KubeObject> object = new SimpleObjectProperty<>();
    private final ObjectProperty<KindDescriptor> kind = new SimpleObjectProperty<>();
    private final ObservableList<ObjectDetails.Section> sections = FXCollections.observableArrayList();
    private final ObservableList<KubeObject> events = FXCollections.observableArrayList();
    private final ObservableList<ObjectDetails.Link> selectedPods = FXCollections.observableArrayList();
    private final Map<String, KubeObject> eventsByUid = new HashMap<>();
    private final Map<String, KubeObject> podsByUid = new HashMap<>();
    private final List<AutoCloseable> watches = new ArrayList<>();
    private ClusterSession session;
    /** How many views show this model now; it watches while any does. */
    private int viewers;
    private long generation;

    public DetailsViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
    }

    public void show(ClusterSession on, KindDescriptor descriptor, KubeObject shown) {
        KubeObject current = object.get();
        if (current != null && on == session && descriptor == kind.get() && current.uid().equals(shown.uid())) {
            // A table row holds only metadata: the whole object comes from this model's own watch.
            if (!shown.isTableRow()) {
                update(shown);
            }
            return;
        }
        clear();
        session = on;
        kind.set(descriptor);
        update(shown);
        if (viewers > 0) {
            startWatches();
        }
    }

    /** The view is on screen: keep what it shows live. */
    public void activate() {
        viewers++;
        if (watches.isEmpty() && object.get() != null) {
            startWatches();
        }
    }

    /** The view left the screen: stop watching (what it shows stays, to resume on activate). */
    public void deactivate() {
        viewers = Math.max(0, viewers - 1);
        if (viewers == 0) {
            generation++;
            closeWatches();
        }
    }

    private void startWatches() {
        long mine = generation;
        KubeObject shown = object.get();
        String namespace = shown.namespace().isEmpty() ? null : shown.namespace();
        // Just this object, picked on the server: a busy namespace's other objects never reach the details.
        watches.add(session.watch(kind.get().type(), namespace, ListSelector.fields("metadata.name=" + shown.name()), onUi(mine, batch -> {
            batch.upserts().stream().filter(o -> o.uid().equals(shown.uid())).reduce((a, b) -> b).ifPresent(this::update);
            if (batch.deletedUids().contains(shown.uid())) {
                sections.setAll(new ObjectDetails.Section("Deleted", List.of()));
            }
        })));
        // The server picks this object's Events: the namespace's others never leave it.
        ListSelector involved = ListSelector.fields("involvedObject.uid=" + shown.uid());
        watches.add(session.watch(KindRegistry.EVENT.type(), namespace, involved, onUi(mine, batch -> {
            batch.deletedUids().forEach(eventsByUid::remove);
            batch.upserts().forEach(event -> eventsByUid.put(event.uid(), event));
            if (!batch.deletedUids().isEmpty() || !batch.upserts().isEmpty()) {
                events.setAll(eventsByUid.values().stream().sorted(Events.NEWEST_FIRST).toList());
            }
        })));
        Map<String, Object> selector = shown.map("spec.selector");
        if ("Service".equals(shown.kind()) && !selector.isEmpty()) {
            watches.add(session.watch(Pods.DESCRIPTOR.type(), namespace, ListSelector.labels(labelSelector(selector)), onUi(mine, batch -> {
                batch.deletedUids().forEach(podsByUid::remove);
                // The server sends a Pod whose labels stop matching as deleted from this list.
                batch.upserts().forEach(p -> podsByUid.put(p.uid(), p));
                List<ObjectDetails.Link> links = podsByUid.values().stream().map(p -> new ObjectDetails.Link("Pod", p.namespace(), p.name()))
                        .sorted((a, b) -> a.name().compareTo(b.name())).toList();
                if (!links.equals(selectedPods)) {
                    selectedPods.setAll(links);
                }
            })));
        }
    }

    private void closeWatches() {
        List<AutoCloseable> old = new ArrayList<>(watches);
        watches.clear();
        if (!old.isEmpty()) {
            tasks.runInBackground(() -> old.forEach(Handles::closeQuietly));
        }
    }

    /** A Service's selector as a label selector the server understands ({@code app=web,tier=front}). */
    static String labelSelector(Map<String, Object> selector) {
        return selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().collect(Collectors.joining(","));
    }

    /** Sections are replaced only when they read differently, so the view keeps its state (a revealed value). */
    private void update(KubeObject latest) {
        object.set(latest);
        List<ObjectDetails.Section> built = ObjectDetails.of(kind.get(), latest);
        if (!built.equals(sections)) {
            sections.setAll(built);
        }
    }

    private Consumer<Batch> onUi(long mine, Consumer<Batch> apply) {
        return batch -> tasks.uiThread().execute(() -> {
            if (mine == generation) {
                apply.accept(batch);
            }
        });
    }

    public void clear() {
        generation++;
        closeWatches();
        session = null;
        object.set(null);
        kind.set(null);
        sections.clear();
        events.clear();
        eventsByUid.clear();
        selectedPods.clear();
        podsByUid.clear();
    }

    /** How many watches the details hold open now; tests check that closing the view leaves none. */
    public int openWatches() {
        return watches.size();
    }

    public ReadOnlyObjectProperty<KubeObject> objectProperty() {
        return object;
    }

    public ReadOnlyObjectProperty<KindDescriptor> kindProperty() {
        return kind;
    }

    public ObservableList<ObjectDetails.Section> sections() {
        return sections;
    }

    public ObservableList<KubeObject> events() {
        return events;
    }

    public ObservableList<ObjectDetails.Link> selectedPods() {
        return selectedPods;
    }
}

package dev.wheelhouse.ui;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.ObjectDetails;
import dev.wheelhouse.kinds.builtin.Events;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ClusterSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The details of the selected object, kept current: its sections, its Events (newest first), and
 * for a Service the Pods it selects. Each list is a shared watch, closed when another object is shown.
 */
public final class DetailsViewModel {
    private final TaskRunner tasks;
    private final ObjectProperty<KubeObject> object = new SimpleObjectProperty<>();
    private final ObjectProperty<KindDescriptor> kind = new SimpleObjectProperty<>();
    private final ObservableList<ObjectDetails.Section> sections = FXCollections.observableArrayList();
    private final ObservableList<KubeObject> events = FXCollections.observableArrayList();
    private final ObservableList<ObjectDetails.Link> selectedPods = FXCollections.observableArrayList();
    private final Map<String, KubeObject> eventsByUid = new HashMap<>();
    private final Map<String, KubeObject> podsByUid = new HashMap<>();
    private final List<AutoCloseable> watches = new ArrayList<>();
    private long generation;

    public DetailsViewModel(TaskRunner tasks) {
        this.tasks = tasks;
    }

    public void show(ClusterSession session, KindDescriptor descriptor, KubeObject shown) {
        clear();
        long mine = generation;
        kind.set(descriptor);
        update(shown);
        String namespace = shown.namespace().isEmpty() ? null : shown.namespace();
        watches.add(session.watch(descriptor.type(), namespace, onUi(mine, batch -> {
            batch.upserts().stream().filter(o -> o.uid().equals(shown.uid())).reduce((a, b) -> b).ifPresent(this::update);
            if (batch.deletedUids().contains(shown.uid())) {
                sections.setAll(new ObjectDetails.Section("Deleted", List.of()));
            }
        })));
        watches.add(session.watch(KindRegistry.EVENT.type(), namespace, onUi(mine, batch -> {
            batch.deletedUids().forEach(eventsByUid::remove);
            batch.upserts().stream().filter(e -> shown.uid().equals(e.string("involvedObject.uid")))
                    .forEach(e -> eventsByUid.put(e.uid(), e));
            events.setAll(eventsByUid.values().stream().sorted(Events.NEWEST_FIRST).toList());
        })));
        Map<String, Object> selector = shown.map("spec.selector");
        if ("Service".equals(shown.kind()) && !selector.isEmpty()) {
            watches.add(session.watch(Pods.DESCRIPTOR.type(), namespace, onUi(mine, batch -> {
                batch.deletedUids().forEach(podsByUid::remove);
                batch.upserts().forEach(p -> {
                    if (matches(selector, p.labels())) {
                        podsByUid.put(p.uid(), p);
                    } else {
                        podsByUid.remove(p.uid());
                    }
                });
                selectedPods.setAll(podsByUid.values().stream().map(p -> new ObjectDetails.Link("Pod", p.namespace(), p.name()))
                        .sorted((a, b) -> a.name().compareTo(b.name())).toList());
            })));
        }
    }

    /** A label selector holds when every one of its pairs is among the labels. */
    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        return selector.entrySet().stream().allMatch(e -> String.valueOf(e.getValue()).equals(String.valueOf(labels.get(e.getKey()))));
    }

    private void update(KubeObject latest) {
        object.set(latest);
        sections.setAll(ObjectDetails.of(kind.get(), latest));
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
        List<AutoCloseable> old = new ArrayList<>(watches);
        watches.clear();
        if (!old.isEmpty()) {
            tasks.runInBackground(() -> old.forEach(Handles::closeQuietly));
        }
        object.set(null);
        kind.set(null);
        sections.clear();
        events.clear();
        eventsByUid.clear();
        selectedPods.clear();
        podsByUid.clear();
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

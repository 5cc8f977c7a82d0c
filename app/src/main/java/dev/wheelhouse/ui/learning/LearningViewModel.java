package dev.wheelhouse.ui.learning;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.explain.ObjectInWords;
import dev.wheelhouse.kinds.explain.Related;
import dev.wheelhouse.kinds.explain.Relations;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.LearningLibrary;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Handles;
import dev.wheelhouse.ui.common.Workspace.Place;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The learning panel: the text of one entry (a kind, a concept, the contents) with back and forward among the
 * entries visited, and "this object, in words" for the object the workspace shows. It follows the workspace's
 * place: the selected object's kind, else the kind shown, else the contents. While a view shows it, it watches
 * the object, its Events and the objects its explanation reads ({@link Relations#needs}), as the details do.
 */
public final class LearningViewModel {
    private final BackgroundTasks tasks;
    private final Function<String, Optional<String>> pages;
    private final KindRegistry registry;
    private final Supplier<ClusterSession> sessions;
    private final Clock clock;
    private final ReadOnlyStringWrapper entry = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper markdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper topic = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ObjectInWords> inWords = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canGoBack = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canGoForward = new ReadOnlyBooleanWrapper();
    private final List<String> visited = new ArrayList<>();
    private int position = -1;

    private KubeObject object;
    private KindDescriptor objectKind;
    private final Map<String, KubeObject> events = new HashMap<>();
    /** The objects each need has delivered; a need appears here once its list is complete (synced). */
    private final Map<Related.Need, Map<String, KubeObject>> related = new LinkedHashMap<>();
    private final Map<Related.Need, AutoCloseable> relatedWatches = new HashMap<>();
    private final List<AutoCloseable> watches = new ArrayList<>();
    private ClusterSession session;
    private int viewers;
    private long generation;

    /**
     * @param pages the Markdown of a page by its path under the learning folder ("kinds/pod.md"), as
     *              {@link LearningLibrary#page} reads it
     */
    public LearningViewModel(BackgroundTasks tasks, Function<String, Optional<String>> pages, KindRegistry registry,
                             Supplier<ClusterSession> sessions, Clock clock) {
        this.tasks = tasks;
        this.pages = pages;
        this.registry = registry;
        this.sessions = sessions;
        this.clock = clock;
        open(LearningLibrary.CONTENTS);
    }

    /** Follows what the workspace shows: the object's kind and the object in words, else the kind, else the contents. */
    public void follow(Place place) {
        KindDescriptor kind = place.kind();
        KubeObject shown = place.object();
        if (shown == null || object == null || !shown.uid().equals(object.uid()) || sessions.get() != session) {
            stopWatching();
            object = shown;
            objectKind = shown == null ? null : kind;
            session = shown == null ? null : sessions.get();
            if (shown != null && viewers > 0) {
                startWatching();
            }
        } else if (!shown.isTableRow()) {
            object = shown;
        }
        subject.set(shown == null ? "" : kind.kind() + " " + (shown.namespace().isEmpty() ? "" : shown.namespace() + "/") + shown.name());
        explain();
        if (kind == null) {
            open(LearningLibrary.CONTENTS);
        } else {
            open(kind.learningTopic().isEmpty() ? LearningLibrary.CONTENTS : LearningLibrary.kindPath(kind.learningTopic()));
        }
    }

    /** Shows an entry, remembering it for back and forward; the same entry again changes nothing. */
    public void open(String target) {
        if (target.equals(entry.get())) {
            return;
        }
        while (visited.size() > position + 1) {
            visited.remove(visited.size() - 1);
        }
        visited.add(target);
        position = visited.size() - 1;
        show(target);
    }

    /** Follows a link in the current entry; links out of the texts (web addresses) are not followed here. */
    public boolean followLink(String href) {
        return LearningLibrary.resolve(entry.get(), href).map(target -> {
            open(target);
            return true;
        }).orElse(false);
    }

    public void back() {
        if (position > 0) {
            show(visited.get(--position));
        }
    }

    public void forward() {
        if (position < visited.size() - 1) {
            show(visited.get(++position));
        }
    }

    public void contents() {
        open(LearningLibrary.CONTENTS);
    }

    private void show(String target) {
        entry.set(target);
        String text = pages.apply(target).orElseGet(() -> missing(target));
        String heading = LearningLibrary.parse(text).title();
        title.set(heading.isEmpty() ? target : heading);
        topic.set(target.startsWith("kinds/") ? target.substring("kinds/".length(), target.length() - ".md".length()) : "");
        markdown.set(text);
        canGoBack.set(position > 0);
        canGoForward.set(position < visited.size() - 1);
    }

    private static String missing(String target) {
        return "# Not written yet\n\nThere is no text for `" + target + "` yet. The [contents](" + relativeContents(target)
                + ") list what there is.\n";
    }

    private static String relativeContents(String target) {
        return "../".repeat((int) target.chars().filter(c -> c == '/').count()) + LearningLibrary.CONTENTS;
    }

    /** The view is on screen: keep the object's words live. */
    public void activate() {
        viewers++;
        if (viewers == 1 && object != null) {
            session = sessions.get();
            startWatching();
        }
    }

    /** The view left the screen: stop watching; what it shows stays. */
    public void deactivate() {
        viewers = Math.max(0, viewers - 1);
        if (viewers == 0) {
            stopWatching();
        }
    }

    private void startWatching() {
        if (session == null) {
            return;
        }
        long mine = generation;
        KubeObject shown = object;
        String namespace = shown.namespace().isEmpty() ? null : shown.namespace();
        // The place's kind, not the object's: a table row's kind is the server's PartialObjectMetadata.
        watches.add(session.watch(objectKind.type(), namespace, ListSelector.fields("metadata.name=" + shown.name()), onUi(mine, batch -> {
            batch.upserts().stream().filter(o -> o.uid().equals(shown.uid())).reduce((a, b) -> b).ifPresent(latest -> {
                object = latest;
                watchNeeds(mine);
                explain();
            });
        })));
        watches.add(session.watch(KindRegistry.EVENT.type(), namespace, ListSelector.fields("involvedObject.uid=" + shown.uid()),
                onUi(mine, batch -> {
                    batch.deletedUids().forEach(events::remove);
                    batch.upserts().forEach(e -> events.put(e.uid(), e));
                    explain();
                })));
        watchNeeds(mine);
    }

    /** Watches what the explanation reads now; what it no longer reads (a new owner, another selector) is let go. */
    private void watchNeeds(long mine) {
        List<Related.Need> needs = object.isTableRow() ? List.of() : Relations.needs(object);
        for (Related.Need gone : new ArrayList<>(relatedWatches.keySet())) {
            if (!needs.contains(gone)) {
                close(List.of(relatedWatches.remove(gone)));
                related.remove(gone);
            }
        }
        for (Related.Need need : needs) {
            if (relatedWatches.containsKey(need)) {
                continue;
            }
            Map<String, KubeObject> found = new LinkedHashMap<>();
            registry.findByKind(need.kind()).ifPresent(kind -> relatedWatches.put(need, session.watch(kind.type(), need.namespace(),
                    need.selector(), onUi(mine, batch -> {
                        batch.deletedUids().forEach(found::remove);
                        batch.upserts().forEach(o -> found.put(o.uid(), o));
                        // Until the list is complete, "no Pod matches" would be said too early.
                        if (batch.synced() || related.containsKey(need)) {
                            related.put(need, found);
                            explain();
                        }
                    }))));
        }
    }

    private void explain() {
        // A table row is only metadata: its words wait for the whole object.
        if (object == null || object.isTableRow()) {
            inWords.set(null);
            return;
        }
        Map<String, List<KubeObject>> known = new HashMap<>();
        related.forEach((need, objects) -> known.merge(need.kind(), List.copyOf(objects.values()), (a, b) -> {
            List<KubeObject> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
        ObjectInWords words = ObjectInWords.of(object, List.copyOf(events.values()), new Related(known), clock.instant());
        if (!Objects.equals(words, inWords.get())) {
            inWords.set(words);
        }
    }

    private void stopWatching() {
        generation++;
        List<AutoCloseable> old = new ArrayList<>(watches);
        old.addAll(relatedWatches.values());
        watches.clear();
        relatedWatches.clear();
        related.clear();
        events.clear();
        close(old);
    }

    private void close(List<AutoCloseable> handles) {
        if (!handles.isEmpty()) {
            tasks.runInBackground(() -> handles.forEach(Handles::closeQuietly));
        }
    }

    private Consumer<Batch> onUi(long mine, Consumer<Batch> apply) {
        return batch -> tasks.uiThread().execute(() -> {
            if (mine == generation) {
                apply.accept(batch);
            }
        });
    }

    /** How many watches are open; tests check that none is left once the view is gone. */
    public int openWatches() {
        return watches.size() + relatedWatches.size();
    }

    public ReadOnlyStringProperty entryProperty() {
        return entry.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty markdownProperty() {
        return markdown.getReadOnlyProperty();
    }

    /** The learning topic of the kind entry shown ("deployment"), "" on other entries: names what an example opens. */
    public ReadOnlyStringProperty topicProperty() {
        return topic.getReadOnlyProperty();
    }

    /** The object the workspace shows ("Pod dev/web-1"), "" for none. */
    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** The object the workspace shows, in words; null when it shows none, or while only its table row is known. */
    public ReadOnlyObjectProperty<ObjectInWords> inWordsProperty() {
        return inWords.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return canGoBack.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return canGoForward.getReadOnlyProperty();
    }
}

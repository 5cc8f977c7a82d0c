package dev.wheelhouse.ui.switcher;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.ui.common.BackgroundTask;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Problems;
import dev.wheelhouse.ui.common.Workspace;
import dev.wheelhouse.ui.switcher.SwitcherMatcher.Match;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The quick switcher (Ctrl+K): a query, the best {@value #LIMIT} candidates for it, the selected
 * one, and what choosing it does. Candidates are taken from the app when the switcher opens; the
 * objects of all kinds are fetched only when the user asks, once, and ranked like the rest.
 * Choosing asks the workspace to show the kind, namespace or object, or connects a context.
 */
public final class QuickSwitcherViewModel {
    public static final int LIMIT = 50;

    private final SwitcherSources sources;
    private final Workspace workspace;
    private final Consumer<String> connect;
    private final BackgroundTasks tasks;

    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Match<Candidate>> results = FXCollections.observableArrayList();
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(-1);
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private List<Candidate> candidates = List.of();
    private Optional<SwitcherSources.ObjectSearch> allKinds = Optional.empty();
    private boolean searched;
    private boolean searching;
    private BackgroundTask search;

    /** {@code connect} connects a context by name (the app skips the one already connected). */
    public QuickSwitcherViewModel(SwitcherSources sources, Workspace workspace, Consumer<String> connect, BackgroundTasks tasks) {
        this.sources = sources;
        this.workspace = workspace;
        this.connect = connect;
        this.tasks = tasks;
        query.addListener((obs, was, now) -> refresh());
    }

    /** Takes what is loaded now and shows everything for an empty query. */
    public void open() {
        cancelSearch();
        candidates = List.copyOf(sources.loaded());
        allKinds = sources.searchAllKinds();
        searched = false;
        status.set("");
        showing.set(true);
        if (query.get().isEmpty()) {
            refresh();
        } else {
            query.set("");
        }
    }

    /** Closes without choosing, and lets go of the candidates (objects of a big table, say). */
    public void close() {
        cancelSearch();
        showing.set(false);
        candidates = List.of();
        allKinds = Optional.empty();
        query.set("");
        results.clear();
        selectedIndex.set(-1);
        status.set("");
    }

    /** Moves the selection by {@code delta} rows, stopping at either end. */
    public void move(int delta) {
        if (!results.isEmpty()) {
            selectedIndex.set(Math.max(0, Math.min(results.size() - 1, selectedIndex.get() + delta)));
        }
    }

    public void chooseSelected() {
        int at = selectedIndex.get();
        if (at >= 0 && at < results.size()) {
            choose(results.get(at).item());
        }
    }

    public void choose(Candidate chosen) {
        if (chosen.type() == Candidate.Type.SEARCH) {
            startSearch();
            return;
        }
        Workspace.Place place = workspace.placeProperty().get();
        close();
        switch (chosen.type()) {
            case CONTEXT -> connect.accept(chosen.name());
            case NAMESPACE -> workspace.showKind(chosen.name(),
                    place.kind() != null && place.kind().type().namespaced() ? place.kind() : Deployments.DESCRIPTOR);
            case KIND -> workspace.showKind(chosen.kind().type().namespaced() ? place.namespace() : null, chosen.kind());
            case OBJECT -> show(chosen, place);
            default -> throw new IllegalStateException("not a destination: " + chosen.type());
        }
    }

    private void show(Candidate object, Workspace.Place place) {
        if (place.object() != null && place.kind() == object.kind() && place.object().name().equals(object.name())
                && Objects.equals(place.object().namespace(), object.namespace())) {
            return;
        }
        KindDescriptor kind = object.kind();
        if (kind.category() != Category.CUSTOM) {
            // Following selects the row in the kind's table once it is listed, which shows its details.
            workspace.follow(kind.kind(), object.namespace(), object.name());
        } else if (object.object() != null) {
            workspace.showObject(kind.type().namespaced() ? object.namespace() : null, kind, object.object());
        }
    }

    private void startSearch() {
        if (allKinds.isEmpty() || searching) {
            return;
        }
        SwitcherSources.ObjectSearch fetch = allKinds.get();
        status.set("Fetching the objects of all kinds…");
        searching = true;
        search = tasks.run(fetch::fetch, found -> {
            searching = false;
            searched = true;
            List<Candidate> merged = new ArrayList<>(candidates);
            Set<String> known = new HashSet<>();
            candidates.forEach(c -> known.add(c.key()));
            for (Candidate candidate : found) {
                if (known.add(candidate.key())) {
                    merged.add(candidate);
                }
            }
            candidates = List.copyOf(merged);
            status.set("Searched " + found.size() + " objects of all kinds (fetched once, not kept live).");
            refresh();
        }, e -> {
            searching = false;
            status.set("Search failed: " + Problems.of(e).message());
        });
    }

    private void cancelSearch() {
        if (search != null) {
            search.cancel();
            search = null;
        }
        searching = false;
    }

    private void refresh() {
        List<Match<Candidate>> ranked = new ArrayList<>(SwitcherMatcher.top(query.get(), candidates, Candidate::name, LIMIT));
        if (!searched && !query.get().isBlank() && allKinds.isPresent()) {
            ranked.add(new Match<>(Candidate.searchAllKinds(query.get()), "", 0, new int[0]));
        }
        results.setAll(ranked);
        selectedIndex.set(ranked.isEmpty() ? -1 : 0);
    }

    public StringProperty queryProperty() {
        return query;
    }

    /** Best first; the last row may be the one that searches all kinds. */
    public ObservableList<Match<Candidate>> results() {
        return results;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    /** What the search of all kinds is doing or found; empty otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}

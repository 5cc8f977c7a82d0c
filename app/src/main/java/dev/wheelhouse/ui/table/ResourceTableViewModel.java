package dev.wheelhouse.ui.table;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.PrintedCells;
import dev.wheelhouse.model.PrintedColumn;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Handles;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The live table of one kind in one namespace (or all): the table the API server prints for
 * {@code kubectl get -o wide}, built-in kinds and custom resources alike, kept live by a watch of its rows.
 * Rows are built off the UI thread from coalesced watch batches and applied in one go; the filter box
 * narrows them by name or label (rows carry the objects' metadata).
 * The watch runs only while the table is on screen: the view activates and deactivates it.
 */
public final class ResourceTableViewModel {
    public enum LoadState { EMPTY, LOADING, READY, PROBLEM }

    private final BackgroundTasks tasks;
    private final ObservableList<ResourceRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ResourceRow> visibleRows = new FilteredList<>(rows);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<LoadState> state = new SimpleObjectProperty<>(LoadState.EMPTY);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final ObjectProperty<KindDescriptor> kind = new SimpleObjectProperty<>();
    /** The server's columns as the table shows them (its name column aside); the rows' cells follow them. */
    private final ObjectProperty<List<PrintedColumn>> columns = new SimpleObjectProperty<>(List.of());
    private final Map<String, Integer> indexByUid = new HashMap<>();
    private final StringProperty wanted = new SimpleStringProperty();

    private String namespace;
    private ClusterSession session;
    /** How many views show this model now; it watches while any does. */
    private int viewers;
    private AutoCloseable subscription;
    private long generation;

    public ResourceTableViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        filter.addListener((obs, was, now) -> visibleRows.setPredicate(RowFilter.parse(now)));
    }

    /** Shows a kind's live list; {@code namespace} null means all namespaces. Closes the previous one. */
    public void show(ClusterSession on, KindDescriptor descriptor, String namespaceOrAll) {
        clear();
        session = on;
        kind.set(descriptor);
        namespace = namespaceOrAll;
        if (viewers > 0) {
            startWatch();
        }
    }

    /** The view is on screen: watch what it shows. */
    public void activate() {
        viewers++;
        if (subscription == null && kind.get() != null) {
            startWatch();
        }
    }

    /** The view left the screen: stop watching, keep what it shows, so activating again resumes it. */
    public void deactivate() {
        viewers = Math.max(0, viewers - 1);
        if (viewers == 0) {
            generation++;
            closeWatch();
        }
    }

    private void startWatch() {
        rows.clear();
        indexByUid.clear();
        long mine = generation;
        KindDescriptor descriptor = kind.get();
        state.set(LoadState.LOADING);
        subscription = session.watchTable(descriptor.type(), namespace, ListSelector.ALL, batch -> {
            // On the batch thread: build the rows here, so the UI thread only inserts them.
            List<ResourceRow> built = new ArrayList<>(batch.upserts().size());
            for (KubeObject object : batch.upserts()) {
                built.add(row(descriptor, object));
            }
            List<PrintedColumn> shown = shownColumns(batch.columns());
            tasks.uiThread().execute(() -> {
                if (mine == generation && !batch.columns().isEmpty() && !shown.equals(columns.get())) {
                    columns.set(shown);
                }
                apply(mine, built, batch);
            });
        });
    }

    private void closeWatch() {
        AutoCloseable old = subscription;
        subscription = null;
        if (old != null) {
            tasks.runInBackground(() -> Handles.closeQuietly(old));
        }
    }

    void apply(long forGeneration, List<ResourceRow> upserts, Batch batch) {
        if (forGeneration != generation) {
            return;
        }
        List<ResourceRow> remaining = upserts;
        if (!batch.deletedUids().isEmpty()) {
            remaining = replaceInPlace(upserts, batch.deletedUids());
        }
        List<ResourceRow> added = new ArrayList<>();
        for (ResourceRow row : remaining) {
            Integer at = indexByUid.get(row.object().uid());
            if (at != null) {
                rows.set(at, row);
            } else {
                added.add(row);
            }
        }
        if (!added.isEmpty()) {
            int start = rows.size();
            rows.addAll(added);
            for (int i = 0; i < added.size(); i++) {
                indexByUid.put(added.get(i).object().uid(), start + i);
            }
        }
        if (batch.problem() != null) {
            problem.set(batch.problem());
            state.set(LoadState.PROBLEM);
        } else if (batch.synced() || !upserts.isEmpty() || !batch.deletedUids().isEmpty()) {
            problem.set(null);
            state.set(LoadState.READY);
        }
    }

    /**
     * Deletes the rows of {@code deletedUids}; where a new row has the same namespace and name as a deleted one
     * (a quick row's real row arriving, a pod made again under its name), it takes the deleted row's place
     * instead of moving to the end. Returns the upserts still to apply.
     */
    private List<ResourceRow> replaceInPlace(List<ResourceRow> upserts, List<String> deletedUids) {
        Map<String, ResourceRow> byName = new HashMap<>();
        for (ResourceRow row : upserts) {
            if (!indexByUid.containsKey(row.object().uid())) {
                byName.put(nameKey(row.object()), row);
            }
        }
        Set<String> gone = new HashSet<>();
        TreeMap<Integer, ResourceRow> successors = new TreeMap<>();
        for (String uid : deletedUids) {
            Integer at = indexByUid.remove(uid);
            if (at == null) {
                continue;
            }
            ResourceRow old = rows.get(at);
            ResourceRow successor = byName.remove(nameKey(old.object()));
            if (successor != null) {
                successors.put(at, successor);
                indexByUid.put(successor.object().uid(), at);
            } else {
                gone.add(uid);
            }
        }
        replaceRuns(successors);
        Set<ResourceRow> placed = Collections.newSetFromMap(new IdentityHashMap<>());
        placed.addAll(successors.values());
        if (!gone.isEmpty()) {
            rows.removeIf(r -> gone.contains(r.object().uid()));
            reindex();
        }
        if (placed.isEmpty()) {
            return upserts;
        }
        List<ResourceRow> remaining = new ArrayList<>(upserts.size() - placed.size());
        for (ResourceRow row : upserts) {
            if (!placed.contains(row)) {
                remaining.add(row);
            }
        }
        return remaining;
    }

    /**
     * The row of {@code was} among {@code rows}, or else its successor: the row of the same namespace and name
     * (the real row of a stand-in, a pod made again under its name). One pass: the table may hold 100k rows.
     */
    static Optional<ResourceRow> sameOrSuccessor(List<ResourceRow> rows, KubeObject was) {
        String uid = was.uid();
        String name = was.name();
        String namespace = was.namespace();
        ResourceRow successor = null;
        for (ResourceRow row : rows) {
            KubeObject object = row.object();
            if (object.uid().equals(uid)) {
                return Optional.of(row);
            }
            if (successor == null && object.name().equals(name) && object.namespace().equals(namespace)) {
                successor = row;
            }
        }
        return Optional.ofNullable(successor);
    }

    private static String nameKey(KubeObject object) {
        return object.namespace() + "/" + object.name();
    }

    /**
     * Puts each row at its index; consecutive indexes as one removal and one insertion, because the lists
     * above (filtered, sorted, the view) shift their whole length for each change, and a page of real rows
     * replaces a run of quick rows.
     */
    private void replaceRuns(TreeMap<Integer, ResourceRow> byIndex) {
        List<ResourceRow> run = new ArrayList<>();
        int start = -1;
        for (Map.Entry<Integer, ResourceRow> entry : byIndex.entrySet()) {
            if (!run.isEmpty() && entry.getKey() != start + run.size()) {
                replaceRun(start, run);
                run = new ArrayList<>();
            }
            if (run.isEmpty()) {
                start = entry.getKey();
            }
            run.add(entry.getValue());
        }
        if (!run.isEmpty()) {
            replaceRun(start, run);
        }
    }

    private void replaceRun(int start, List<ResourceRow> run) {
        if (run.size() == 1) {
            rows.set(start, run.get(0));
        } else {
            rows.remove(start, start + run.size());
            rows.addAll(start, run);
        }
    }

    private void reindex() {
        indexByUid.clear();
        for (int i = 0; i < rows.size(); i++) {
            indexByUid.put(rows.get(i).object().uid(), i);
        }
    }

    /** Stops the watch and empties the table. */
    public void clear() {
        generation++;
        closeWatch();
        session = null;
        rows.clear();
        indexByUid.clear();
        wanted.set(null);
        columns.set(List.of());
        kind.set(null);
        problem.set(null);
        state.set(LoadState.EMPTY);
    }

    /** A row: the server's cells but the name's (the table shows the name in a column of its own), and its health. */
    private static ResourceRow row(KindDescriptor descriptor, KubeObject object) {
        PrintedCells printed = object.cells();
        List<String> cells = new ArrayList<>(printed.values().size());
        for (int i = 0; i < printed.columns().size() && i < printed.values().size(); i++) {
            if (!printed.columns().get(i).isName()) {
                cells.add(printed.values().get(i));
            }
        }
        return new ResourceRow(object, cells, descriptor.health().apply(object));
    }

    /** Every column the server prints, wide ones included (as {@code -o wide}), but the name's. */
    static List<PrintedColumn> shownColumns(List<PrintedColumn> printed) {
        return printed.stream().filter(c -> !c.isName()).toList();
    }

    /** The namespace shown; null for all namespaces. */
    public String namespace() {
        return namespace;
    }

    public boolean showsNamespaceColumn() {
        return namespace == null && kind.get() != null && kind.get().type().namespaced();
    }

    /** Where the table's rows stand, in words for the line above it. */
    public String summary() {
        KindDescriptor k = kind.get();
        if (k == null) {
            return "";
        }
        String where = k.type().namespaced() ? (namespace == null ? " in all namespaces" : " in " + namespace) : "";
        return switch (state.get()) {
            case LOADING -> "Loading " + k.title() + where + "…";
            case PROBLEM -> problem.get().message();
            case READY -> (visibleRows.size() == rows.size() ? rows.size() + " " : visibleRows.size() + " of " + rows.size() + " ")
                    + (rows.size() == 1 ? k.kind() : k.title()) + where;
            case EMPTY -> "";
        };
    }

    public ObservableList<ResourceRow> rows() {
        return rows;
    }

    public FilteredList<ResourceRow> visibleRows() {
        return visibleRows;
    }

    /** The name of an object to select as soon as it is listed (a followed link); the view clears it. */
    public StringProperty wantedProperty() {
        return wanted;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() {
        return state;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public ReadOnlyObjectProperty<KindDescriptor> kindProperty() {
        return kind;
    }

    /** The columns after Name (and Namespace), as the server printed them; the rows' cells are in this order. */
    public ReadOnlyObjectProperty<List<PrintedColumn>> columnsProperty() {
        return columns;
    }
}

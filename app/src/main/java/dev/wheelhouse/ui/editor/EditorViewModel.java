package dev.wheelhouse.ui.editor;

import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ResourceType;
import dev.wheelhouse.service.ApplyService;
import dev.wheelhouse.service.ApplyService.DocumentResult;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.DraftStore.Draft;
import dev.wheelhouse.service.manifest.FieldDoc;
import dev.wheelhouse.service.manifest.FieldPath;
import dev.wheelhouse.service.manifest.Manifest;
import dev.wheelhouse.service.manifest.ManifestDocument;
import dev.wheelhouse.service.manifest.ManifestProblem;
import dev.wheelhouse.service.manifest.ManifestSchema;
import dev.wheelhouse.service.manifest.ObjectYaml;
import dev.wheelhouse.ui.common.BackgroundTask;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One editor tab: its text, whether it differs from what was loaded, saved or applied, what is wrong
 * with it (the parser's and the schema's problems as the user types, the server's after a dry run or
 * apply), the field under the caret explained, and dry run, diff and server-side apply through the
 * session. Every request runs off the UI thread; results come back on it.
 */
public final class EditorViewModel {
    public enum Origin { OBJECT, FILE, NEW }

    /** Lines {@code first..last} (1-based) of a document's {@code status}: shown, marked read-only, never sent. */
    public record LineRange(int first, int last) {
    }

    private final String id;
    private final String title;
    private final Origin origin;
    private final ResourceType type;
    private final String objectNamespace;
    private final String objectName;
    private final BackgroundTasks tasks;
    private final Supplier<ClusterSession> session;
    private final Supplier<String> defaultNamespace;
    private final ObjectProperty<ManifestSchema> schema;
    private final Drafts drafts;

    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty baseline = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty messageFailed = new SimpleBooleanProperty();
    private final ObservableList<ManifestProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<LineRange> readOnlyRanges = FXCollections.observableArrayList();
    private final ObservableList<DocumentResult> results = FXCollections.observableArrayList();
    private final ObservableList<ApplyService.Conflict> conflicts = FXCollections.observableArrayList();
    private final StringProperty diff = new SimpleStringProperty("");
    private final StringProperty managedFields = new SimpleStringProperty("");
    private final ObjectProperty<FieldDoc> fieldDoc = new SimpleObjectProperty<>();
    private final StringProperty caretPath = new SimpleStringProperty("");
    private final ObservableList<String> completions = FXCollections.observableArrayList();
    private final BooleanProperty changedOnServer = new SimpleBooleanProperty();
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>();
    private String openedResourceVersion = "";
    /** The user chose to apply over a newer object: Force apply after that send's conflicts does not ask again. */
    private boolean overNewerObject;
    private List<ManifestProblem> serverProblems = List.of();
    private BackgroundTask checking;
    private BackgroundTask explaining;
    /** The last text parsed and its manifest: checking, explaining and sending the same text parse it once. */
    private volatile Parsed parsed;

    private record Parsed(String text, Manifest manifest) {
    }

    /** Where a tab's unapplied text is kept: {@code keep} as it changes, {@code drop} once applied, saved or discarded. */
    public interface Drafts {
        void keep(Draft draft);

        void drop(String id);
    }

    /** A tab for an object of the cluster ({@code type} set), a local file, or a new manifest. */
    public EditorViewModel(String id, String title, Origin origin, ResourceType type, String namespace, String name,
                           BackgroundTasks tasks, Supplier<ClusterSession> session, Supplier<String> defaultNamespace,
                           ObjectProperty<ManifestSchema> schema, Drafts drafts) {
        this.id = id;
        this.title = title;
        this.origin = origin;
        this.type = type;
        this.objectNamespace = namespace == null ? "" : namespace;
        this.objectName = name == null ? "" : name;
        this.tasks = tasks;
        this.session = session;
        this.defaultNamespace = defaultNamespace;
        this.schema = schema;
        this.drafts = drafts;
        dirty.bind(text.isNotEqualTo(baseline));
        schema.addListener((obs, was, now) -> check());
    }

    /** Fetches the object fresh from the server, as {@code kubectl get -o yaml} prints it. */
    public void load() {
        ClusterSession current = session.get();
        if (type == null || current == null) {
            report(current == null ? "Not connected: cannot load " + title + "." : "Nothing to load.", true);
            return;
        }
        tasks.run(() -> current.apply().fetch(type, objectNamespace, objectName), found -> {
            if (found.isEmpty()) {
                report(title + " no longer exists on the server.", true);
                return;
            }
            show(found.get());
            report("Loaded " + title + " from the server.", false);
        }, e -> {
            report(Problems.of(e).message(), true);
        });
    }

    private void show(KubeObject object) {
        String yaml = ObjectYaml.print(ObjectYaml.withoutManagedFields(object.fields()));
        List<Object> managed = ObjectYaml.managedFields(object.fields());
        managedFields.set(managed.isEmpty() ? "" : ObjectYaml.print(java.util.Map.of("managedFields", managed)));
        openedResourceVersion = object.string("metadata.resourceVersion");
        changedOnServer.set(false);
        overNewerObject = false;
        baseline.set(yaml);
        text.set(yaml);
        check();
    }

    /** Text restored from a draft (or a template, a file): the baseline is what it came from. */
    public void start(String original, String current, String resourceVersion) {
        openedResourceVersion = resourceVersion == null ? "" : resourceVersion;
        baseline.set(original);
        text.set(current);
        check();
    }

    /** The user typed; called once typing settles. Checks the text and keeps it as a draft. */
    public void edited(String now) {
        text.set(now);
        serverProblems = List.of();
        check();
        if (dirty.get()) {
            drafts.keep(new Draft(id, title, "", origin.name().toLowerCase(), ref(), openedResourceVersion, now));
        } else {
            drafts.drop(id);
        }
    }

    private String ref() {
        return switch (origin) {
            case OBJECT -> type.group() + "|" + type.version() + "|" + type.plural() + "|" + type.kind() + "|"
                    + (type.namespaced() ? "namespaced" : "cluster") + "|" + objectNamespace + "|" + objectName;
            case FILE -> file.get() == null ? "" : file.get().toString();
            case NEW -> "";
        };
    }

    /** Parses (and, with a schema, checks) the text in the background; the last request wins. */
    private void check() {
        String snapshot = text.get();
        ManifestSchema checker = schema.get();
        if (checking != null) {
            checking.cancel();
        }
        checking = tasks.run(() -> {
            Manifest manifest = parse(snapshot);
            List<ManifestProblem> found = new ArrayList<>(manifest.problems());
            if (checker != null && manifest.problems().isEmpty()) {
                found.addAll(checker.check(manifest));
            }
            return new Checked(found, statusRanges(manifest, snapshot));
        }, checked -> {
            List<ManifestProblem> all = new ArrayList<>(checked.problems());
            all.addAll(serverProblems);
            problems.setAll(all);
            readOnlyRanges.setAll(checked.readOnly());
        }, e -> report(Problems.of(e).message(), true));
    }

    /** Runs off the UI thread: parsing 5,000 lines takes tens of milliseconds. */
    private Manifest parse(String snapshot) {
        Parsed last = parsed;
        if (last != null && last.text().equals(snapshot)) {
            return last.manifest();
        }
        Manifest manifest = Manifest.parse(snapshot);
        parsed = new Parsed(snapshot, manifest);
        return manifest;
    }

    private record Checked(List<ManifestProblem> problems, List<LineRange> readOnly) {
    }

    /** Each document's top-level {@code status}: from its key to the line before the next top-level key or document. */
    static List<LineRange> statusRanges(Manifest manifest, String text) {
        List<LineRange> ranges = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (ManifestDocument document : manifest.documents()) {
            Optional<dev.wheelhouse.service.manifest.Position> status = document.positionOf(FieldPath.parse("status"));
            if (status.isEmpty() || status.get().column() != 1) {
                continue;
            }
            int last = status.get().line();
            while (last < lines.length && (lines[last].isEmpty() || lines[last].startsWith(" ") || lines[last].startsWith("-")
                    || lines[last].startsWith("#"))) {
                last++;
            }
            while (last > status.get().line() && lines[last - 1].isBlank()) {
                last--;
            }
            ranges.add(new LineRange(status.get().line(), last));
        }
        return ranges;
    }

    /** The caret moved in {@code current} (the text as shown, maybe not settled yet): explain the field under it. */
    public void caretMoved(String current, int line, int column) {
        String snapshot = current;
        ManifestSchema explainer = schema.get();
        if (explaining != null) {
            explaining.cancel();
        }
        explaining = tasks.run(() -> {
            Manifest manifest = parse(snapshot);
            String path = manifest.documentAt(line).map(d -> d.pathAt(line, column).toString()).orElse("");
            FieldDoc doc = explainer == null ? null : explainer.explain(manifest, line, column).orElse(null);
            return new Explained(path, doc);
        }, explained -> {
            caretPath.set(explained.path());
            fieldDoc.set(explained.doc());
        }, e -> fieldDoc.set(null));
    }

    private record Explained(String path, FieldDoc doc) {
    }

    /** Ctrl+Space: the schema's candidates at the caret; none without a schema. */
    public void complete(int line, int column, Consumer<List<String>> whenReady) {
        ManifestSchema completer = schema.get();
        if (completer == null) {
            completions.clear();
            report("No schema for completion yet.", false);
            return;
        }
        String snapshot = text.get();
        tasks.run(() -> completer.complete(snapshot, line, column), found -> {
            completions.setAll(found);
            whenReady.accept(found);
        }, e -> completions.clear());
    }

    /** A server dry run of every document ({@code dryRun=All}, strict field validation), and its diff against the live objects. */
    public void dryRun() {
        send(false, true, false);
    }

    /** Server-side apply; {@code force} takes over fields other managers own. */
    public void apply(boolean force) {
        send(force, false, force && overNewerObject);
    }

    /** Applies even though the object changed on the server since the tab loaded it. */
    public void applyAnyway(boolean force) {
        overNewerObject = true;
        send(force, false, true);
    }

    private void send(boolean force, boolean dryRun, boolean ignoreServerChange) {
        ClusterSession current = session.get();
        if (current == null) {
            report("Not connected.", true);
            return;
        }
        String snapshot = text.get();
        String namespace = origin == Origin.OBJECT && !objectNamespace.isEmpty() ? objectNamespace : defaultNamespace.get();
        boolean checkServer = origin == Origin.OBJECT && !dryRun && !ignoreServerChange && !openedResourceVersion.isEmpty();
        busy.set(true);
        report(dryRun ? "Dry run…" : "Applying…", false);
        tasks.run(progress -> {
            Manifest manifest = parse(snapshot);
            if (!manifest.problems().isEmpty()) {
                return new Sent(manifest.problems(), false, List.of());
            }
            if (checkServer) {
                String now = current.apply().resourceVersion(type, objectNamespace, objectName);
                if (!now.equals(openedResourceVersion)) {
                    return new Sent(List.of(), true, List.of()); // say so before sending anything
                }
            }
            return new Sent(List.of(), false, current.apply().apply(manifest, namespace, force, dryRun, progress));
        }, sent -> {
            busy.set(false);
            if (!sent.syntax().isEmpty()) {
                problems.setAll(sent.syntax());
                ManifestProblem first = sent.syntax().get(0);
                report("Nothing sent: line " + first.line() + ", column " + first.column() + ": " + first.message(), true);
            } else if (sent.changedOnServer()) {
                changedOnServer.set(true);
                report(title + " changed on the server since this tab loaded it. Reload it, look at the diff, or apply anyway.", true);
            } else {
                showResults(sent.results(), dryRun, snapshot);
            }
        }, e -> {
            busy.set(false);
            report(Problems.of(e).message(), true);
        });
    }

    /** What sending came to: the text did not parse, the object changed on the server first, or the results. */
    private record Sent(List<ManifestProblem> syntax, boolean changedOnServer, List<DocumentResult> results) {
    }

    private void showResults(List<DocumentResult> done, boolean dryRun, String sentText) {
        results.setAll(done);
        List<ManifestProblem> fromServer = new ArrayList<>();
        List<ApplyService.Conflict> conflicted = new ArrayList<>();
        StringBuilder unified = new StringBuilder();
        for (DocumentResult result : done) {
            fromServer.addAll(result.problems());
            conflicted.addAll(result.conflicts());
            if (result.after() != null) {
                unified.append(result.diff().unified());
            }
        }
        conflicts.setAll(conflicted);
        serverProblems = fromServer;
        diff.set(unified.toString());
        long ok = done.stream().filter(r -> r.outcome().ok()).count();
        boolean allOk = ok == done.size();
        String summary = String.join("\n", done.stream().map(DocumentResult::message).toList());
        report((done.size() > 1 ? ok + " of " + done.size() + " documents " + (dryRun ? "passed the dry run" : "applied") + ".\n" : "")
                + summary, !allOk);
        check();
        if (!dryRun && allOk) {
            baseline.set(sentText);
            changedOnServer.set(false);
            overNewerObject = false;
            drafts.drop(id);
            if (origin == Origin.OBJECT && done.size() == 1 && done.get(0).after() != null) {
                openedResourceVersion = done.get(0).after().string("metadata.resourceVersion");
            }
        }
    }

    /** Discards the edits and loads the object again. */
    public void reload() {
        drafts.drop(id);
        load();
    }

    /** Writes the text to a local file; the tab then belongs to that file. */
    public void saveTo(Path target) {
        String snapshot = text.get();
        tasks.run(() -> Files.writeString(target, snapshot), written -> {
            file.set(target);
            if (origin != Origin.OBJECT) {
                baseline.set(snapshot);
                drafts.drop(id);
            }
            report("Saved to " + target + ".", false);
        }, e -> report("Could not save " + target + ": " + e.getMessage(), true));
    }

    /** The file Save writes to without asking. */
    void saveTarget(Path target) {
        file.set(target);
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file;
    }

    /** Closing after the user agreed to lose the edits. */
    public void discard() {
        drafts.drop(id);
    }

    /** The kubectl command doing what Apply does, for this tab's file (or a file of this name). */
    public String command(boolean force) {
        String name = file.get() != null ? file.get().toString()
                : (origin == Origin.OBJECT ? objectName : title.replaceAll("[^A-Za-z0-9.-]+", "-")) + ".yaml";
        return ApplyService.command(name, force, false);
    }

    private void report(String text, boolean failed) {
        messageFailed.set(failed);
        message.set(text);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Origin origin() {
        return origin;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    public ReadOnlyBooleanProperty messageFailedProperty() {
        return messageFailed;
    }

    public ObservableList<ManifestProblem> problems() {
        return problems;
    }

    public ObservableList<LineRange> readOnlyRanges() {
        return readOnlyRanges;
    }

    public ObservableList<DocumentResult> results() {
        return results;
    }

    public ObservableList<ApplyService.Conflict> conflicts() {
        return conflicts;
    }

    public ReadOnlyStringProperty diffProperty() {
        return diff;
    }

    public ReadOnlyStringProperty managedFieldsProperty() {
        return managedFields;
    }

    public ReadOnlyObjectProperty<FieldDoc> fieldDocProperty() {
        return fieldDoc;
    }

    public ReadOnlyStringProperty caretPathProperty() {
        return caretPath;
    }

    public ObservableList<String> completions() {
        return completions;
    }

    public ReadOnlyBooleanProperty changedOnServerProperty() {
        return changedOnServer;
    }

    public ReadOnlyObjectProperty<ManifestSchema> schemaProperty() {
        return schema;
    }
}

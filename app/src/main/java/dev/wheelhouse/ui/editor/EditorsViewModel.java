package dev.wheelhouse.ui.editor;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ResourceType;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.DraftStore;
import dev.wheelhouse.service.DraftStore.Draft;
import dev.wheelhouse.service.manifest.ManifestSchema;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Opens editor tabs: for an object (fetched fresh), from a template, from a local file, and again from
 * the drafts a previous run left. Holds the schema every tab checks against (set by the app once one is
 * loaded for the cluster; null until then).
 */
public final class EditorsViewModel {
    /** Where per-topic examples live on the classpath: {@code <topic>.yaml}, topic as in {@link KindDescriptor#learningTopic()}. */
    public static final String EXAMPLES = "/dev/wheelhouse/examples/";
    public static final String TWO_TIER = "two-tier";

    private final BackgroundTasks tasks;
    private final Supplier<ClusterSession> session;
    private final Supplier<String> namespaceShown;
    private final DraftStore store;
    private final String examples;
    private final ObjectProperty<ManifestSchema> schema = new SimpleObjectProperty<>();
    private final BooleanProperty schemaWanted = new SimpleBooleanProperty();
    private final EditorViewModel.Drafts drafts;
    private int untitled;

    public EditorsViewModel(BackgroundTasks tasks, Supplier<ClusterSession> session, Supplier<String> namespaceShown, DraftStore store) {
        this(tasks, session, namespaceShown, store, EXAMPLES);
    }

    EditorsViewModel(BackgroundTasks tasks, Supplier<ClusterSession> session, Supplier<String> namespaceShown, DraftStore store,
                     String examples) {
        this.tasks = tasks;
        this.session = session;
        this.namespaceShown = namespaceShown;
        this.store = store;
        this.examples = examples;
        this.drafts = new EditorViewModel.Drafts() {
            @Override
            public void keep(Draft draft) {
                tasks.runInBackground(() -> quietly(() -> store.save(draft)));
            }

            @Override
            public void drop(String id) {
                tasks.runInBackground(() -> quietly(() -> store.delete(id)));
            }
        };
    }

    /** The schema tabs check against; the app sets it per cluster (null: syntax checks only). */
    public ObjectProperty<ManifestSchema> schemaProperty() {
        return schema;
    }

    /**
     * True once a tab was opened: only then is the cluster's schema worth loading. Reading and parsing it takes
     * a core for a good part of a second, which a window just connected to a big cluster needs for its first table.
     */
    public ReadOnlyBooleanProperty schemaWantedProperty() {
        return schemaWanted;
    }

    /** The schema a new tab checks against; a tab is what makes it wanted. */
    private ObjectProperty<ManifestSchema> schemaForNewTab() {
        schemaWanted.set(true);
        return schema;
    }

    /** A tab for the object, loading it from the server. */
    public EditorViewModel edit(KindDescriptor kind, KubeObject object) {
        EditorViewModel editor = forObject(kind.type(), object.namespace(), object.name());
        editor.load();
        return editor;
    }

    private EditorViewModel forObject(ResourceType type, String namespace, String name) {
        String title = type.kind() + " " + (namespace.isEmpty() ? "" : namespace + "/") + name;
        return new EditorViewModel("edit:" + type.qualifiedPlural() + "/" + namespace + "/" + name, title, EditorViewModel.Origin.OBJECT,
                type, namespace, name, tasks, session, namespaceShown, schemaForNewTab(), drafts);
    }

    /** A new manifest from the example for {@code topic} ({@code deployment}, {@code two-tier}…); {@code fallback} when there is none. */
    public void fromTemplate(String topic, String fallback, Consumer<EditorViewModel> open) {
        tasks.run(() -> example(topic), found -> fromText("New " + topic, found.isEmpty() ? fallback : found, open), e -> { });
    }

    /** A new, unsaved manifest holding {@code text} (an example shown elsewhere, e.g. in a learning text). */
    public void fromText(String title, String text, Consumer<EditorViewModel> open) {
        EditorViewModel editor = fresh(title, EditorViewModel.Origin.NEW);
        editor.start("", text, "");
        open.accept(editor);
    }

    String example(String topic) throws IOException {
        try (InputStream in = EditorsViewModel.class.getResourceAsStream(examples + topic + ".yaml")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A skeleton for a kind without an example file. */
    public static String skeleton(KindDescriptor kind, String namespace) {
        return "apiVersion: " + kind.type().apiVersion() + "\nkind: " + kind.kind() + "\nmetadata:\n  name: my-" + kind.kind().toLowerCase()
                + (kind.type().namespaced() && namespace != null ? "\n  namespace: " + namespace : "") + "\n";
    }

    /** A tab for a local file, read in the background. */
    public void openFile(Path file, Consumer<EditorViewModel> open, Consumer<String> failed) {
        tasks.run(() -> Files.readString(file), text -> {
            EditorViewModel editor = new EditorViewModel("file:" + file.toAbsolutePath(), file.getFileName().toString(),
                    EditorViewModel.Origin.FILE, null, "", "", tasks, session, namespaceShown, schemaForNewTab(), drafts);
            editor.start(text, text, "");
            editor.saveTarget(file);
            open.accept(editor);
        }, e -> failed.accept("Could not read " + file + ": " + e.getMessage()));
    }

    private EditorViewModel fresh(String title, EditorViewModel.Origin origin) {
        untitled++;
        return new EditorViewModel("new:" + System.currentTimeMillis() + "-" + untitled, title, origin, null, "", "",
                tasks, session, namespaceShown, schemaForNewTab(), drafts);
    }

    /** Opens a tab for every draft a previous run left (text not applied or saved). */
    public void restoreDrafts(Consumer<EditorViewModel> open) {
        tasks.run(store::load, found -> found.forEach(draft -> open.accept(restore(draft))), e -> { });
    }

    private EditorViewModel restore(Draft draft) {
        EditorViewModel editor;
        if (draft.origin().equals("object") && draft.ref().split("\\|", -1).length == 7) {
            String[] ref = draft.ref().split("\\|", -1);
            ResourceType type = new ResourceType(ref[0], ref[1], ref[2], ref[3], ref[4].equals("namespaced"));
            editor = new EditorViewModel(draft.id(), draft.title(), EditorViewModel.Origin.OBJECT, type, ref[5], ref[6],
                    tasks, session, namespaceShown, schemaForNewTab(), drafts);
        } else {
            EditorViewModel.Origin origin = draft.origin().equals("file") ? EditorViewModel.Origin.FILE : EditorViewModel.Origin.NEW;
            editor = new EditorViewModel(draft.id(), draft.title(), origin, null, "", "", tasks, session, namespaceShown, schemaForNewTab(), drafts);
            if (origin == EditorViewModel.Origin.FILE && !draft.ref().isEmpty()) {
                editor.saveTarget(Path.of(draft.ref()));
            }
        }
        // The baseline is unknown after a restart: the text counts as edited until applied or saved.
        editor.start("", draft.text(), draft.resourceVersion());
        return editor;
    }

    private static void quietly(IoWork work) {
        try {
            work.run();
        } catch (IOException e) {
            // A draft not written is retried at the next keystroke; nothing to tell the user mid-typing.
        }
    }

    @FunctionalInterface
    private interface IoWork {
        void run() throws IOException;
    }
}

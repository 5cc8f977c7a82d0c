package dev.wheelhouse.ui.app;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.LearningLibrary;
import dev.wheelhouse.service.PortForwardService;
import dev.wheelhouse.service.schema.SchemaService;
import dev.wheelhouse.ui.actions.ActionsViewModel;
import dev.wheelhouse.ui.cluster.ClusterModel;
import dev.wheelhouse.ui.common.BackgroundTask;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.DetailExtras;
import dev.wheelhouse.ui.common.ExampleOpener;
import dev.wheelhouse.ui.common.RowActions;
import dev.wheelhouse.ui.common.Workspace;
import dev.wheelhouse.ui.connection.ConnectionViewModel;
import dev.wheelhouse.ui.details.DetailsViewModel;
import dev.wheelhouse.ui.editor.EditorViewModel;
import dev.wheelhouse.ui.editor.EditorsViewModel;
import dev.wheelhouse.ui.labs.LabsViewModel;
import dev.wheelhouse.ui.learning.LearningViewModel;
import dev.wheelhouse.ui.navigator.NavigatorViewModel;
import dev.wheelhouse.ui.portforward.ForwardsViewModel;
import dev.wheelhouse.ui.switcher.QuickSwitcherViewModel;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/**
 * Composes the window's view models and is the {@link Workspace} through which they reach each
 * other: the navigator asks for a kind, the table for an object, the details for a linked object.
 */
public final class MainViewModel implements Workspace {
    private final BackgroundTasks tasks;
    private final ClusterModel cluster;
    private final ResourceTableViewModel table;
    private final DetailsViewModel details;
    private final ActionsViewModel actions;
    private final NavigatorViewModel navigator;
    private final ConnectionViewModel connection;
    private final StatusBarViewModel statusBar;
    private final QuickSwitcherViewModel switcher;
    private final LearningViewModel learning;
    private final EditorsViewModel editors;
    /** Where an editor opened from elsewhere (a learning text's example) becomes a tab; set by the view. */
    private Consumer<EditorViewModel> editorTabs = editor -> { };
    /** A learning text's example opens as a new, unsaved editor tab. */
    private final ExampleOpener examples = (topic, yaml) -> editors().fromText("New " + topic, yaml, editorTabs);
    private final SchemaService schemas = SchemaService.inUserCacheDir();
    private BackgroundTask schemaLoad;
    private final RowActions rowActions = new RowActions();
    private final DetailExtras detailExtras = new DetailExtras();
    private final ForwardsViewModel forwards;
    private final ObjectProperty<Place> place = new SimpleObjectProperty<>(Place.NOWHERE);
    private final History history = new History();
    private final ObservableList<String> notices = FXCollections.observableArrayList();
    private final SettingsKeeper settings;
    private final Appearance appearance;
    private LabsViewModel labs;
    private String requestedNamespace;
    private boolean travelling;

    /** A window whose settings live only as long as it does (tests). */
    public MainViewModel(ClusterService clusters, BackgroundTasks tasks) {
        this(clusters, tasks, SettingsKeeper.inMemory());
    }

    public MainViewModel(ClusterService clusters, BackgroundTasks tasks, SettingsKeeper settings) {
        this.tasks = tasks;
        this.settings = settings;
        this.appearance = new Appearance(settings);
        this.cluster = new ClusterModel(clusters, tasks);
        this.table = new ResourceTableViewModel(tasks);
        this.details = new DetailsViewModel(tasks);
        cluster.readOnlyProperty().set(settings.current().flag("classroom.read-only", false));
        this.actions = new ActionsViewModel(tasks, () -> cluster.sessionProperty().get(), cluster.readOnlyProperty());
        this.navigator = new NavigatorViewModel(cluster, this, this::namespaceToOpen, () -> settings.current().string(
                "context." + activeContextName() + ".kind", null));
        this.connection = new ConnectionViewModel(cluster);
        this.forwards = new ForwardsViewModel(new PortForwardService(), tasks, () -> cluster.sessionProperty().get(),
                settings::current, settings::set);
        this.statusBar = new StatusBarViewModel(cluster, this);
        this.switcher = new QuickSwitcherViewModel(new SwitcherCandidates(cluster, table, this),
                this, this::connectUnlessActive, tasks);
        this.learning = new LearningViewModel(tasks, new LearningLibrary()::page, cluster.registry(), () -> cluster.sessionProperty().get(),
                Clock.systemUTC());
        this.editors = new EditorsViewModel(tasks, () -> cluster.sessionProperty().get(), () -> place.get().namespace(), settings.drafts());
        // A new session (or none) invalidates what is shown: its watches belong to the old one.
        cluster.sessionProperty().addListener((obs, was, now) -> {
            table.clear();
            details.clear();
            history.clear();
            place.set(Place.NOWHERE);
            loadSchema(now);
        });
        editors.schemaWantedProperty().addListener((obs, was, wanted) -> loadSchema(cluster.sessionProperty().get()));
        place.addListener((obs, was, now) -> {
            if (!travelling) {
                history.visit(now);
            }
            remember(now);
        });
    }

    /**
     * The editor checks against the schema of the cluster it works on: loaded in the background per session
     * (from the disk cache after the first time) once an editor tab was opened, none while loading or when it
     * cannot be had (syntax and the server's dry run still check).
     */
    private void loadSchema(ClusterSession session) {
        if (schemaLoad != null) {
            schemaLoad.cancel();
        }
        editors.schemaProperty().set(null);
        if (session != null && editors.schemaWantedProperty().get()) {
            schemaLoad = tasks.run(() -> schemas.load(session), editors.schemaProperty()::set, e -> { });
        }
    }

    /** Where editor tabs opened by other features go (the editor launcher's {@code open}). */
    public void editorTabs(Consumer<EditorViewModel> open) {
        editorTabs = open;
    }

    /** The namespace and kind last shown on a context, to open there next time. */
    private void remember(Place now) {
        String context = cluster.activeContextProperty().get() == null ? null : cluster.activeContextProperty().get().name();
        if (context == null || now.kind() == null) {
            return;
        }
        settings.set("context." + context + ".namespace", now.namespace() == null ? "*" : now.namespace());
        settings.set("context." + context + ".kind", now.kind().type().qualifiedPlural());
        settings.set("context.last", context);
    }

    private String activeContextName() {
        return cluster.activeContextProperty().get() == null ? "" : cluster.activeContextProperty().get().name();
    }

    /** The namespace to open on: the one asked for (-n), else the one last shown on this context, else its own. */
    String namespaceToOpen() {
        String remembered = settings.current().string("context." + activeContextName() + ".namespace", null);
        if ((requestedNamespace == null || requestedNamespace.isBlank()) && remembered != null && !remembered.equals("*")) {
            return remembered;
        }
        return cluster.namespaceToOpen(requestedNamespace);
    }

    /** Goes back to what was viewed before (Alt+Left). */
    public void back() {
        history.back().ifPresent(this::travelTo);
    }

    /** Goes forward again (Alt+Right). */
    public void forward() {
        history.forward().ifPresent(this::travelTo);
    }

    private void travelTo(Place target) {
        travelling = true;
        try {
            if (target.object() != null) {
                showKind(target.namespace(), target.kind());
                table.wantedProperty().set(target.object().name());
                showObject(target.namespace(), target.kind(), target.object());
            } else {
                showKind(target.namespace(), target.kind());
                details.clear();
                place.set(target);
            }
        } finally {
            travelling = false;
        }
    }

    /** Like {@code kubectl -n}: the namespace to open on. */
    public void requestNamespace(String namespace) {
        requestedNamespace = namespace;
    }

    /** Reads the kubeconfig files and connects to {@code context}, or the current one; then follows the files. */
    public void start(String context) {
        List<String> wereOpen = settings.current().list("contexts.open").stream()
                .filter(String.class::isInstance).map(String.class::cast).toList();
        cluster.start(context, wereOpen);
        // From now on, what is connected is what opens next time (until closing, which disconnects everything).
        cluster.connections().addListener(rememberOpenContexts);
    }

    private final MapChangeListener<String, Object> rememberOpenContexts = change -> rememberOpenContexts();

    private void rememberOpenContexts() {
        settings.set("contexts.open", List.copyOf(cluster.connectedNames()));
    }

    public void followKubeconfigFiles() {
        cluster.followKubeconfigFiles();
    }

    private void connectUnlessActive(String context) {
        if (!cluster.isActive(context)) {
            cluster.connect(context);
        }
    }

    @Override
    public void showKind(String namespace, KindDescriptor kind) {
        if (cluster.sessionProperty().get() == null) {
            return;
        }
        Place now = place.get();
        if (now.kind() != kind || !Objects.equals(namespace, now.namespace())) {
            details.clear();
            table.show(cluster.sessionProperty().get(), kind, namespace);
            place.set(new Place(namespace, kind, null));
        }
    }

    @Override
    public void showObject(String namespace, KindDescriptor kind, KubeObject object) {
        showKind(namespace, kind);
        if (cluster.sessionProperty().get() != null) {
            details.show(cluster.sessionProperty().get(), kind, object);
            place.set(new Place(namespace, kind, object));
        }
    }

    @Override
    public void follow(String kind, String namespace, String name) {
        cluster.registry().findByKind(kind).ifPresent(target -> {
            String ns = target.type().namespaced() ? namespace : null;
            showKind(ns, target);
            table.filterProperty().set("");
            details.clear();
            place.set(new Place(ns, target, null));
            table.wantedProperty().set(name);
        });
    }

    @Override
    public ReadOnlyObjectProperty<Place> placeProperty() {
        return place;
    }

    /** Closes the session and stops following files; called when the window closes. */
    public void close() {
        cluster.connections().removeListener(rememberOpenContexts);
        forwards.close();
        table.clear();
        details.clear();
        cluster.close();
        settings.close();
    }

    public ReadOnlyBooleanProperty canGoBackProperty() {
        return history.canGoBackProperty();
    }

    public ReadOnlyBooleanProperty canGoForwardProperty() {
        return history.canGoForwardProperty();
    }

    /** Messages for the banner above the window that are not about the kubeconfig (the settings file, say). */
    public ObservableList<String> notices() {
        return notices;
    }

    public Appearance appearance() {
        return appearance;
    }

    public SettingsKeeper settings() {
        return settings;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public ClusterModel cluster() {
        return cluster;
    }

    public ResourceTableViewModel table() {
        return table;
    }

    public DetailsViewModel details() {
        return details;
    }

    public EditorsViewModel editors() {
        return editors;
    }

    public ActionsViewModel actions() {
        return actions;
    }

    public NavigatorViewModel navigator() {
        return navigator;
    }

    public ConnectionViewModel connection() {
        return connection;
    }

    public StatusBarViewModel statusBar() {
        return statusBar;
    }

    public QuickSwitcherViewModel switcher() {
        return switcher;
    }

    public LearningViewModel learning() {
        return learning;
    }

    public ExampleOpener examples() {
        return examples;
    }

    /** The labs, made when first opened: their files are read then, not at start-up. */
    public LabsViewModel labs() {
        if (labs == null) {
            labs = new LabsViewModel(tasks, cluster.sessionProperty(), dev.wheelhouse.service.labs.LabLoader.builtIn(),
                    settings::current, settings::set);
        }
        return labs;
    }

    public RowActions rowActions() {
        return rowActions;
    }

    public DetailExtras detailExtras() {
        return detailExtras;
    }

    public ForwardsViewModel forwards() {
        return forwards;
    }
}

package dev.wheelhouse.ui.app;

import dev.wheelhouse.service.KubeconfigFiles;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.DesktopPreferences;
import dev.wheelhouse.service.Settings;
import dev.wheelhouse.service.SettingsStore;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The JavaFX application: one main window. */
public final class WheelhouseApp extends Application {
    private static AppOptions options = new AppOptions(null, null, null, null, false, false, false, false, false, false, false);
    private static SettingsStore settingsStore;
    private static SettingsStore.Loaded settings = new SettingsStore.Loaded(Settings.EMPTY, null);
    private MainViewModel model;
    private Stage stage;
    private List<Path> kubeconfigFiles;

    /** Starts the window; the settings were read before, off the UI thread. */
    public static void launchWith(AppOptions launchOptions, SettingsStore store, SettingsStore.Loaded loaded) {
        options = launchOptions;
        settingsStore = store;
        settings = loaded;
        Application.launch(WheelhouseApp.class);
    }

    /**
     * On the launcher thread, not the UI thread: choosing the kubeconfig files may wait (up to 3 s) for the login
     * shell's KUBECONFIG, asked while the toolkit started.
     */
    @Override
    public void init() {
        kubeconfigFiles = KubeconfigFiles.forWindow(options.kubeconfig());
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        BackgroundTasks tasks = BackgroundTasks.forJavaFx();
        SettingsKeeper keeper = settingsStore == null ? SettingsKeeper.inMemory()
                : new SettingsKeeper(settingsStore, settings.settings(), problem -> tasks.later(() -> model.notices().add(problem)));
        // How long a credential plugin may run: a setting, for logins slower than a minute.
        Duration pluginTimeout = Duration.ofSeconds(Math.max(5, (long) keeper.current().number("credentials.plugin-timeout-seconds", 60)));
        model = new MainViewModel(new ClusterService(kubeconfigFiles, pluginTimeout), tasks, keeper);
        if (options.readOnly()) {
            model.cluster().readOnlyProperty().set(true);
        }
        if (settings.problem() != null) {
            model.notices().add(settings.problem());
        }
        tasks.run(DesktopPreferences::prefersDark, dark -> model.appearance().desktopPrefersDark(dark.orElse(null)), e -> { });
        Scene scene = createScene(model);
        stage.setTitle("Wheelhouse");
        for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
            stage.getIcons().add(new Image(WheelhouseApp.class.getResource("/dev/wheelhouse/icons/wheelhouse-" + size + ".png").toExternalForm()));
        }
        stage.setScene(scene);
        if (options.labs()) {
            ((MainView) scene.getRoot()).openLabs();
        }
        WindowGeometry.restore(stage, keeper.current());
        stage.show();
        if (options.learn()) {
            ((MainView) scene.getRoot()).openLearning();
        }
        if (options.snapshot() != null) {
            WindowSnapshot.whenSettled(model, scene, options.snapshot());
        }
        if (options.exitWhenReady()) {
            ReadyExit.whenContextsListed(model, scene);
        }
        model.requestNamespace(options.namespace());
        model.start(options.context());
        model.followKubeconfigFiles();
    }

    /** The window's scene with its stylesheet; tests build the same scene. */
    public static Scene createScene(MainViewModel model) {
        Scene scene = new Scene(new MainView(model), 1200, 760);
        scene.getStylesheets().add(WheelhouseApp.class.getResource("/dev/wheelhouse/ui/wheelhouse.css").toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (model != null) {
            WindowGeometry.remember(stage, model.settings());
            model.close();
        }
    }
}

package dev.wheelhouse;

import dev.wheelhouse.kinds.builtin.Namespaces;
import dev.wheelhouse.kube.KubeconfigException;
import dev.wheelhouse.kube.LoginShell;
import dev.wheelhouse.model.KubeconfigSummary;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.KubeconfigFiles;
import dev.wheelhouse.service.SettingsStore;
import dev.wheelhouse.ui.app.AppOptions;
import dev.wheelhouse.ui.app.WheelhouseApp;
import java.util.List;

/**
 * Starts Wheelhouse. Kept apart from the JavaFX {@code Application} class so that the app runs
 * from a plain classpath.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        AppOptions options;
        try {
            options = AppOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(AppOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(AppOptions.USAGE);
            return;
        }
        try {
            KubeconfigFiles.fromEnvironment(options.kubeconfig());
        } catch (KubeconfigException e) {
            // As kubectl: an explicit --kubeconfig that does not exist is an error, not an empty configuration.
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (options.probe() || options.smoke()) {
            System.exit(connectWithoutWindow(options));
        }
        if (KubeconfigFiles.asksLoginShell(options.kubeconfig(), System.getenv("KUBECONFIG"), System.console() != null)) {
            // Started from a desktop menu, maybe without the KUBECONFIG the user's shell sets: ask it meanwhile.
            LoginShell.askSoon();
        }
        SettingsStore store = SettingsStore.inUserConfigDir();
        WheelhouseApp.launchWith(options, store, store.load());
    }

    /**
     * Connects to the chosen (or current) context without a window: {@code --probe} for the run script,
     * {@code --smoke} (which also lists the namespaces) for the installer test.
     */
    private static int connectWithoutWindow(AppOptions options) {
        ClusterService clusters = new ClusterService(KubeconfigFiles.fromEnvironment(options.kubeconfig()));
        KubeconfigSummary summary = clusters.reload();
        summary.problems().forEach(p -> System.err.println("kubeconfig: " + p.message()));
        String flag = options.smoke() ? "smoke" : "probe";
        String context = options.context() != null ? options.context() : summary.currentContext();
        if (context == null || context.isBlank()) {
            System.err.println(flag + ": no current context in " + summary.files());
            return 1;
        }
        try (ClusterSession session = clusters.connect(context)) {
            if (options.smoke()) {
                session.serverTable(Namespaces.DESCRIPTOR.type(), null).rows().forEach(row -> System.out.println(row.name()));
            } else {
                System.out.println("probe: " + context + " answers (" + session.info().serverVersion() + ")");
            }
            return 0;
        } catch (ProblemException e) {
            System.err.println(flag + ": " + context + ": " + e.problem().message());
            return 1;
        }
    }
}

package dev.wheelhouse.bench;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.builtin.Deployments;
import static dev.wheelhouse.bench.FxHarness.onFx;
import static dev.wheelhouse.bench.FxHarness.waitFor;

import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.table.ResourceRow;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.app.Appearance;
import dev.wheelhouse.ui.app.MainView;
import dev.wheelhouse.ui.app.MainViewModel;
import dev.wheelhouse.ui.app.WheelhouseApp;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Takes a picture of the real window on the sandbox, showing one kind in one namespace with one
 * object selected; by default the README's picture (dev, Deployments, frontend-deployment).
 * Run by sandbox/screenshot. Arguments: KUBECONFIG CONTEXT OUT.png [NAMESPACE|* KIND [NAME]]
 */
public final class ReadmeScreenshot {
    private ReadmeScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        try {
            take(args);
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static void take(String[] args) throws Exception {
        FxHarness.startHeadless();

        MainViewModel model = onFx(() -> new MainViewModel(new ClusterService(List.of(Path.of(args[0]))), BackgroundTasks.forJavaFx()));
        // WHEELHOUSE_THEME=dark takes the dark picture.
        onFx(() -> {
            model.appearance().themeProperty().set("dark".equals(System.getenv("WHEELHOUSE_THEME"))
                    ? Appearance.ThemeChoice.DARK : Appearance.ThemeChoice.LIGHT);
            return null;
        });
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            Scene scene = WheelhouseApp.createScene(model);
            s.setScene(scene);
            s.show();
            // WHEELHOUSE_LEARN=1 shows the learning tab instead of the details.
            if ("1".equals(System.getenv("WHEELHOUSE_LEARN"))) {
                ((MainView) scene.getRoot()).openLearning();
            }
            model.requestNamespace("dev");
            model.start(args[1]);
            return s;
        });
        String namespace = args.length > 3 && !args[3].equals("*") ? args[3] : null;
        String kindName = args.length > 4 ? args[4] : Deployments.DESCRIPTOR.kind();
        String selected = args.length > 5 ? args[5] : args.length > 4 ? null : "frontend-deployment";
        waitFor(() -> model.cluster().stateProperty().get() == ConnectionState.CONNECTED);
        // Built-in kinds are known at once; custom ones once the cluster's CRDs have been read.
        waitFor(() -> find(model, kindName) != null);
        KindDescriptor kind = onFx(() -> find(model, kindName));
        onFx(() -> {
            model.showKind(namespace, kind);
            return null;
        });
        waitFor(() -> model.table().kindProperty().get() == kind
                && model.table().stateProperty().get() != ResourceTableViewModel.LoadState.LOADING);
        if (selected != null) {
            waitFor(() -> model.table().rows().stream().anyMatch(r -> r.name().startsWith(selected)));
            onFx(() -> {
                @SuppressWarnings("unchecked")
                TableView<ResourceRow> rows = (TableView<ResourceRow>) stage.getScene().lookup("#rows");
                rows.getItems().stream().filter(r -> r.name().startsWith(selected)).findFirst()
                        .ifPresent(r -> rows.getSelectionModel().select(r));
                return null;
            });
            waitFor(() -> !model.details().sections().isEmpty());
        }
        if ("1".equals(System.getenv("WHEELHOUSE_LEARN"))) {
            // The learning tab's text needs room: the table keeps a few rows.
            onFx(() -> {
                ((javafx.scene.control.SplitPane) stage.getScene().lookup("#explorer-split")).setDividerPositions(0.3);
                return null;
            });
        }
        // WHEELHOUSE_LOGS_SEARCH=TEXT opens the selected row's logs (L, as a user would) and searches them.
        String logsSearch = System.getenv("WHEELHOUSE_LOGS_SEARCH");
        if (logsSearch != null && selected != null) {
            onFx(() -> {
                Node rows = stage.getScene().lookup("#rows");
                rows.requestFocus();
                rows.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "l", "l", KeyCode.L, false, false, false, false));
                return null;
            });
            waitFor(() -> stage.getScene().lookup("#log-lines") instanceof ListView<?> lines && lines.getItems().size() >= 12);
            // Room for the lines, wrapped so that a match far along a line shows.
            onFx(() -> {
                ((javafx.scene.control.SplitPane) stage.getScene().lookup("#explorer-split")).setDividerPositions(0.22);
                stage.getScene().lookup("#logs-view").lookupAll(".toggle-button").stream()
                        .filter(toggle -> toggle instanceof ToggleButton button && button.getText().equals("Wrap"))
                        .forEach(toggle -> ((ToggleButton) toggle).setSelected(true));
                ((TextField) stage.getScene().lookup("#log-search")).setText(logsSearch);
                return null;
            });
        }
        Thread.sleep(1500);
        BufferedImage picture = onFx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        Path out = Path.of(args[2]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(picture, "png", out.toFile());
        System.out.println("Saved " + out);
    }



    private static KindDescriptor find(MainViewModel model, String kind) {
        return model.cluster().registry().findByKind(kind)
                .or(() -> model.cluster().customKinds().stream().filter(k -> k.kind().equals(kind)).findFirst()).orElse(null);
    }
}

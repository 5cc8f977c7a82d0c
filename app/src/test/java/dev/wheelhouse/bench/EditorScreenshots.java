package dev.wheelhouse.bench;

import static dev.wheelhouse.bench.FxHarness.onFx;
import static dev.wheelhouse.bench.FxHarness.waitFor;

import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.app.MainViewModel;
import dev.wheelhouse.ui.app.WheelhouseApp;
import dev.wheelhouse.ui.cluster.ConnectionState;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.RowAction;
import dev.wheelhouse.ui.common.Workspace;
import dev.wheelhouse.ui.table.ResourceTableViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.fxmisc.richtext.CodeArea;

/**
 * Pictures of the editor on the sandbox: a Deployment opened with Edit YAML, its replicas changed and
 * dry-run (the diff preview), and the caret on a container's image with the field docs panel explaining it
 * from the cluster's own OpenAPI schema, which also marks a field it does not know. Arguments: KUBECONFIG
 * CONTEXT OUT-DIR. Changes nothing on the cluster (dry run only).
 */
public final class EditorScreenshots {
    private EditorScreenshots() {
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
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            Scene scene = WheelhouseApp.createScene(model);
            s.setScene(scene);
            s.show();
            model.requestNamespace("dev");
            model.start(args[1]);
            return s;
        });
        waitFor(() -> model.cluster().stateProperty().get() == ConnectionState.CONNECTED);
        onFx(() -> {
            model.showKind("dev", Deployments.DESCRIPTOR);
            return null;
        });
        waitFor(() -> model.table().stateProperty().get() == ResourceTableViewModel.LoadState.READY && !model.table().rows().isEmpty());
        onFx(() -> {
            var row = model.table().rows().stream().filter(r -> r.name().startsWith("frontend")).findFirst().orElseThrow();
            model.showObject("dev", Deployments.DESCRIPTOR, row.object());
            Workspace.Place place = model.placeProperty().get();
            RowAction edit = model.rowActions().list().stream().filter(a -> a.id().equals("edit-yaml")).findFirst().orElseThrow();
            edit.run().accept(place);
            return null;
        });
        waitFor(() -> area(stage) != null && area(stage).getText().contains("replicas:"));
        onFx(() -> {
            // The editor gets most of the window in the pictures.
            ((javafx.scene.control.SplitPane) stage.getScene().lookup("#explorer-split")).setDividerPositions(0.12);
            CodeArea area = area(stage);
            String text = area.getText();
            int at = text.indexOf("  replicas: ") + "  replicas: ".length();
            int end = text.indexOf('\n', at);
            area.replaceText(at, end, "4");
            area.moveTo(at);
            area.requestFollowCaret();
            return null;
        });
        Thread.sleep(600);
        onFx(() -> {
            stage.getScene().lookup("#dry-run").fireEvent(new javafx.event.ActionEvent());
            return null;
        });
        try {
            waitFor(() -> ((CodeArea) stage.getScene().lookup("#diff-area")).getText().contains("+  replicas: 4"), 30);
        } finally {
            System.out.println("Editor says: " + onFx(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#editor-message")).getText()));
        }
        Thread.sleep(1200);
        Path dir = Path.of(args[2]);
        save(stage, dir.resolve("editor-diff.png"));

        // The session loads the cluster's schema in the background: the tab checks and explains with it.
        waitFor(() -> model.editors().schemaProperty().get() != null);
        onFx(() -> {
            CodeArea area = area(stage);
            String text = area.getText();
            area.replaceText(text.indexOf("  replicas: "), text.indexOf("  replicas: "), "  colour: blue\n");
            text = area.getText();
            int image = text.indexOf("image: ", text.indexOf("containers:")) + 2;
            area.moveTo(image);
            area.requestFollowCaret();
            area.requestFocus();
            return null;
        });
        waitFor(() -> ((javafx.scene.control.Label) stage.getScene().lookup(".field-path")).getText().endsWith(".image")
                && ((javafx.scene.control.ListView<?>) stage.getScene().lookup("#editor-problems")).getItems().stream()
                        .anyMatch(p -> p.toString().contains("colour")));
        onFx(() -> {
            // The unknown field and the image both on screen, the problems listed below.
            CodeArea area = area(stage);
            area.showParagraphAtTop(area.getText().substring(0, area.getText().indexOf("  colour: ")).split("\n", -1).length - 4);
            javafx.scene.Node problems = stage.getScene().lookup("#editor-problems");
            for (javafx.scene.Node up = problems; up != null; up = up.getParent()) {
                if (up instanceof javafx.scene.control.TabPane tabs) {
                    tabs.getTabs().stream().filter(t -> t.getText().equals("Problems")).findFirst()
                            .ifPresent(t -> tabs.getSelectionModel().select(t));
                    break;
                }
            }
            return null;
        });
        Thread.sleep(1200);
        save(stage, dir.resolve("editor-field-docs.png"));
    }

    private static CodeArea area(Stage stage) {
        return (CodeArea) stage.getScene().lookup("#yaml-area");
    }

    private static void save(Stage stage, Path out) throws Exception {
        BufferedImage picture = onFx(() -> SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null));
        Files.createDirectories(out.toAbsolutePath().getParent());
        ImageIO.write(picture, "png", out.toFile());
        System.out.println("Saved " + out);
    }
}

package dev.wheelhouse.ui.editor;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.ui.common.Icons;
import dev.wheelhouse.ui.common.Lifecycle;
import dev.wheelhouse.ui.common.RowAction;
import dev.wheelhouse.ui.common.RowActions;
import dev.wheelhouse.ui.common.TabHost;
import dev.wheelhouse.ui.common.Workspace;
import dev.wheelhouse.ui.common.WorkspaceTab;
import java.io.File;
import java.util.List;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.FileChooser;

/**
 * Where editor tabs come from: the "Edit YAML" row action (key E) for any object, and this "New" menu
 * (a kind's example, the two-tier app, a local file). On first showing it reopens the drafts a previous
 * run left, so nothing typed is lost.
 */
public final class EditorLauncher extends MenuButton {
    private final EditorsViewModel editors;
    private final TabHost tabs;
    private boolean restored;

    public EditorLauncher(EditorsViewModel editors, TabHost tabs, RowActions rowActions, Workspace workspace,
                          List<KindDescriptor> kinds) {
        super("New", Icons.of(Icons.EDIT));
        this.editors = editors;
        this.tabs = tabs;
        setId("editor-new");
        MenuItem file = new MenuItem("Open file…");
        file.setId("editor-open-file");
        file.setOnAction(e -> openFile());
        MenuItem twoTier = new MenuItem("Two-tier app (frontend, backend, Secret)");
        twoTier.setOnAction(e -> editors.fromTemplate(EditorsViewModel.TWO_TIER, "", this::open));
        getItems().addAll(file, twoTier, new SeparatorMenuItem());
        for (KindDescriptor kind : kinds) {
            MenuItem item = new MenuItem(kind.kind());
            item.setOnAction(e -> editors.fromTemplate(kind.learningTopic(),
                    EditorsViewModel.skeleton(kind, workspace.placeProperty().get().namespace()), this::open));
            getItems().add(item);
        }
        RowAction edit = new RowAction("edit-yaml", "Edit YAML", new KeyCodeCombination(KeyCode.E),
                place -> place.kind() != null, place -> {
                    if (place.object() != null) {
                        open(editors.edit(place.kind(), place.object()));
                    }
                });
        Lifecycle.whileAttached(this, () -> {
            if (!restored) {
                restored = true;
                editors.restoreDrafts(this::open);
            }
            return rowActions.contribute(edit);
        });
    }

    /** Opens (or brings forward) the editor's tab; closing it with unsaved edits asks first. */
    public void open(EditorViewModel editor) {
        tabs.open(new WorkspaceTab(editor.id(), editor.title(), Icons.EDIT, () -> new EditorView(editor), () -> {
            if (!editor.dirtyProperty().get()) {
                return true;
            }
            boolean lose = Confirm.discard(getScene() == null ? null : getScene().getWindow(), editor.title(), "Close");
            if (lose) {
                editor.discard();
            }
            return lose;
        }));
    }

    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a manifest");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File chosen = chooser.showOpenDialog(getScene().getWindow());
        if (chosen != null) {
            editors.openFile(chosen.toPath(), this::open, message -> {
                javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR, message);
                alert.initOwner(getScene().getWindow());
                alert.show();
            });
        }
    }
}

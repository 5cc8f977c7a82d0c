package dev.wheelhouse.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.DraftStore;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cluster's schema is wanted only once a tab is opened: the app loads it then, not at every connect. */
class EditorsViewModelTest {
    private final BackgroundTasks sameThread = new BackgroundTasks(Runnable::run, Runnable::run);

    @Test
    void theSchemaIsWantedFromTheFirstTabOn() {
        EditorsViewModel editors = new EditorsViewModel(sameThread, () -> null, () -> "default", DraftStore.inMemory());
        List<EditorViewModel> opened = new ArrayList<>();

        assertThat(editors.schemaWantedProperty().get()).isFalse();
        editors.fromText("New ConfigMap", "apiVersion: v1\nkind: ConfigMap\n", opened::add);

        assertThat(opened).hasSize(1);
        assertThat(editors.schemaWantedProperty().get()).isTrue();
    }
}

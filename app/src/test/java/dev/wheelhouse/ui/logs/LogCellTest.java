package dev.wheelhouse.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.service.LogBatch;
import dev.wheelhouse.service.LogState;
import dev.wheelhouse.service.LogTarget;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A log line's ANSI styles reach the screen: foreground as the text's fill, background behind the text. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class LogCellTest {
    private static final char ESC = 27;
    private final AtomicReference<Consumer<LogBatch>> sink = new AtomicReference<>();
    private ListView<LogLine> list;

    @Start
    void start(Stage stage) {
        LogsViewModel model = new LogsViewModel(new BackgroundTasks(Runnable::run, Runnable::run), (target, options, batches) -> {
            sink.set(batches);
            return () -> { };
        }, LogTarget.pod("dev", "web-1"), 100);
        model.start();
        list = new ListView<>(model.lines());
        list.setCellFactory(v -> new LogCell(model));
        // Styled as in the log tab, lines wrapped (cells as high as their content).
        list.getStyleClass().add("log-list");
        StackPane view = new StackPane(list);
        view.getStyleClass().add("logs-view");
        Scene scene = new Scene(view, 600, 200);
        scene.getStylesheets().add(LogsView.class.getResource("logs.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void backgroundAndForegroundColoursAreDrawn(FxRobot robot) throws Exception {
        String text = "ok " + ESC + "[41;97m FAILED " + ESC + "[0m then " + ESC + "[32mgreen" + ESC + "[0m";
        robot.interact(() -> sink.get().accept(new LogBatch(List.of(LogLine.line(Instant.parse("2026-01-01T00:00:00Z"),
                "web-1", "app", text)), LogState.STREAMING, "", List.of("web-1"), null)));
        WaitForAsyncUtils.waitForFxEvents();

        List<Label> backgrounds = robot.from(list).lookup(".log-background").queryAllAs(Label.class).stream().toList();
        assertThat(backgrounds).singleElement().satisfies(label -> {
            assertThat(label.getText()).isEqualTo(" FAILED ");
            assertThat(label.getStyle()).contains("-fx-background-color: " + LogCell.colour(1))
                    .contains("-fx-text-fill: " + LogCell.colour(15));
        });
        assertThat(robot.from(list).lookup(".log-text").queryAllAs(Text.class))
                .anySatisfy(green -> {
                    assertThat(green.getText()).isEqualTo("green");
                    assertThat(green.getStyle()).contains("-fx-fill: " + LogCell.colour(2));
                })
                .noneSatisfy(plain -> assertThat(plain.getText()).contains("FAILED"));
    }
}

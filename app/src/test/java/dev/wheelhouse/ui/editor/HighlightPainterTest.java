package dev.wheelhouse.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.ui.editor.YamlHighlighter.Run;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpan;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The painter restyles what is on screen and what was edited, and the styles it leaves match a
 * highlighting of the whole text from scratch: after typing, after Enter, after an edit that turns the
 * following lines into a block scalar, and after scrolling to paragraphs never shown before.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class HighlightPainterTest {
    private static final int DOCUMENTS = 300;
    private CodeArea area;
    private int painted;

    @Start
    void start(Stage stage) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < DOCUMENTS; i++) {
            text.append("---\nkind: ConfigMap\nmetadata:\n  name: config-").append(i)
                    .append("\ndata:\n  script: plain\n    echo: \"hi\"\n    count: 3\n  ratio: 0.75 # comment\n");
        }
        area = new CodeArea(text.toString());
        HighlightPainter painter = new HighlightPainter(area);
        painter.onPainted(() -> painted++);
        stage.setScene(new Scene(new VirtualizedScrollPane<>(area), 600, 400));
        stage.show();
        area.showParagraphAtTop(0);
    }

    @Test
    void editsAndScrollingLeaveTheStylesOfAFullHighlight(FxRobot robot) throws Exception {
        settle();
        assertVisibleMatchAFullHighlight(robot);
        int far = DOCUMENTS * 9 / 2;
        assertThat(onFx(() -> styles(far))).as("far from the screen: not restyled yet").containsOnly("");

        // Typing into a key, then Enter in the middle of a line.
        robot.interact(() -> area.insertText(1, 4, "Map"));
        robot.interact(() -> area.insertText(3, 6, "\nlabels: x"));
        settle();
        assertVisibleMatchAFullHighlight(robot);

        // Undo brings back the text and its styles.
        String before = onFx(() -> area.getText());
        robot.interact(() -> area.insertText(2, 0, "# "));
        robot.interact(() -> area.undo());
        settle();
        assertThat(onFx(() -> area.getText())).isEqualTo(before);
        assertVisibleMatchAFullHighlight(robot);

        // "plain" becomes a block indicator: the two lines below it turn into the block's text.
        robot.interact(() -> area.replaceText(6, 10, 6, 15, "|"));
        settle();
        assertThat(onFx(() -> styles(7))).containsOnly("block");
        assertVisibleMatchAFullHighlight(robot);

        robot.interact(() -> area.showParagraphAtTop(far - 5));
        settle();
        assertThat(onFx(() -> styles(far))).contains("key");
        assertVisibleMatchAFullHighlight(robot);
        assertThat(painted).isPositive();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private static void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
        }
    }

    private void assertVisibleMatchAFullHighlight(FxRobot robot) {
        robot.interact(() -> {
            List<List<Run>> expected = YamlHighlighter.highlight(area.getText());
            int visible = area.getVisibleParagraphs().size();
            assertThat(visible).isPositive();
            for (int v = 0; v < visible; v++) {
                int paragraph = area.visibleParToAllParIndex(v);
                assertThat(styles(paragraph)).as("paragraph %d: %s", paragraph, area.getParagraph(paragraph).getText())
                        .isEqualTo(characters(expected.get(paragraph)));
            }
        });
    }

    /** The style class of each character of a paragraph as the area shows it ("" for none). */
    private List<String> styles(int paragraph) {
        List<String> out = new ArrayList<>();
        for (StyleSpan<Collection<String>> span : area.getStyleSpans(paragraph)) {
            String style = span.getStyle().isEmpty() ? "" : span.getStyle().iterator().next();
            for (int i = 0; i < span.getLength(); i++) {
                out.add(style);
            }
        }
        return out;
    }

    private static List<String> characters(List<Run> runs) {
        List<String> out = new ArrayList<>();
        for (Run run : runs) {
            for (int i = 0; i < run.length(); i++) {
                out.add(run.style());
            }
        }
        return out;
    }
}

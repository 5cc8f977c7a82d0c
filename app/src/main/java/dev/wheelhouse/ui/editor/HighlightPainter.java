package dev.wheelhouse.ui.editor;

import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.editor.YamlHighlighter.Run;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * Keeps a code area's YAML highlighting current: after each change the text is tokenized off the JavaFX
 * thread, and only paragraphs whose runs differ from those last painted are restyled (the painted runs
 * follow inserted and removed lines, so typing restyles about one paragraph). Many changed paragraphs
 * (a new text) are restyled in one call. While a run is under way, further changes ask for one more.
 */
final class HighlightPainter {
    /** Beyond this many changed paragraphs one restyle of the whole text is cheaper than one per paragraph. */
    private static final int WHOLE_TEXT = 200;
    private final CodeArea area;
    private final BackgroundTasks tasks;
    private final YamlHighlighter highlighter = new YamlHighlighter();
    /** The runs painted on each paragraph; null where a change made them unknown. */
    private final List<List<Run>> painted = new ArrayList<>();
    private boolean running;
    private boolean again;
    private long version;
    private Runnable onPainted = () -> { };

    HighlightPainter(CodeArea area, BackgroundTasks tasks) {
        this.area = area;
        this.tasks = tasks;
        for (int i = 0; i < area.getParagraphs().size(); i++) {
            painted.add(null);
        }
        area.plainTextChanges().subscribe(change -> {
            int paragraph = area.offsetToPosition(change.getPosition(), Bias.Forward).getMajor();
            int removed = lineBreaks(change.getRemoved());
            int inserted = lineBreaks(change.getInserted());
            for (int i = 0; i <= removed && paragraph < painted.size(); i++) {
                painted.remove(paragraph);
            }
            for (int i = 0; i <= inserted; i++) {
                painted.add(Math.min(paragraph, painted.size()), null);
            }
            version++;
            request();
        });
    }

    private static int lineBreaks(String text) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Called on the FX thread after each repaint (the benchmark measures to here). */
    void onPainted(Runnable action) {
        onPainted = action;
    }

    void request() {
        if (running) {
            again = true;
            return;
        }
        running = true;
        long started = version;
        String text = area.getText();
        tasks.run(() -> highlighter.again(text), runs -> {
            running = false;
            if (started == version) {
                paint(runs);
                onPainted.run();
            } else {
                again = true;
            }
            if (again) {
                again = false;
                request();
            }
        }, e -> running = false);
    }

    private void paint(List<List<Run>> runs) {
        int count = Math.min(runs.size(), area.getParagraphs().size());
        while (painted.size() < count) {
            painted.add(null);
        }
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (painted.get(i) != runs.get(i) && !runs.get(i).equals(painted.get(i))) {
                changed.add(i);
            }
        }
        if (changed.size() > WHOLE_TEXT) {
            area.setStyleSpans(0, whole(runs, count));
        } else {
            for (int i : changed) {
                area.setStyleSpans(i, 0, spans(runs.get(i), area.getParagraph(i).length()));
            }
        }
        for (int i = 0; i < count; i++) {
            painted.set(i, runs.get(i));
        }
    }

    private static StyleSpans<Collection<String>> whole(List<List<Run>> runs, int count) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        for (int i = 0; i < count; i++) {
            for (Run run : runs.get(i)) {
                builder.add(style(run), run.length());
            }
            if (i < count - 1) {
                builder.add(List.of(), 1); // the line break
            }
        }
        if (count == 0) {
            builder.add(List.of(), 0);
        }
        return builder.create();
    }

    private static StyleSpans<Collection<String>> spans(List<Run> runs, int length) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        if (runs.isEmpty()) {
            builder.add(List.of(), length);
        }
        for (Run run : runs) {
            builder.add(style(run), run.length());
        }
        return builder.create();
    }

    private static Collection<String> style(Run run) {
        return run.style().isEmpty() ? List.of() : List.of(run.style());
    }
}

package dev.wheelhouse.ui.editor;

import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.editor.YamlHighlighter.Run;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Keeps a code area's YAML highlighting current: after each change the text is tokenized off the JavaFX
 * thread, and only paragraphs whose styles differ from what they show are restyled. While one run is
 * under way, further changes ask for one more run when it ends (typing never queues a run per key).
 */
final class HighlightPainter {
    private final CodeArea area;
    private final BackgroundTasks tasks;
    private boolean running;
    private boolean again;
    private long version;
    private Runnable onPainted = () -> { };

    HighlightPainter(CodeArea area, BackgroundTasks tasks) {
        this.area = area;
        this.tasks = tasks;
        area.multiPlainChanges().subscribe(changes -> {
            version++;
            request();
        });
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
        tasks.run(() -> YamlHighlighter.highlight(text), runs -> {
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

    /** Restyles the paragraphs whose styles differ; returns how many were restyled. */
    int paint(List<List<Run>> runs) {
        int restyled = 0;
        int count = Math.min(runs.size(), area.getParagraphs().size());
        for (int i = 0; i < count; i++) {
            List<Run> wanted = runs.get(i);
            if (!shows(area.getParagraph(i).getStyleSpans(), wanted, area.getParagraph(i).length())) {
                area.setStyleSpans(i, 0, spans(wanted));
                restyled++;
            }
        }
        return restyled;
    }

    private static boolean shows(StyleSpans<Collection<String>> current, List<Run> wanted, int length) {
        if (wanted.isEmpty()) {
            return length == 0 || (current.getSpanCount() == 1 && current.getStyleSpan(0).getStyle().isEmpty());
        }
        if (current.getSpanCount() != wanted.size()) {
            return false;
        }
        Iterator<StyleSpan<Collection<String>>> spans = current.iterator();
        for (Run run : wanted) {
            StyleSpan<Collection<String>> span = spans.next();
            if (span.getLength() != run.length() || !matches(span.getStyle(), run.style())) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Collection<String> style, String wanted) {
        return wanted.isEmpty() ? style.isEmpty() : style.size() == 1 && style.contains(wanted);
    }

    private static StyleSpans<Collection<String>> spans(List<Run> runs) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        if (runs.isEmpty()) {
            builder.add(List.of(), 0);
        }
        for (Run run : runs) {
            builder.add(run.style().isEmpty() ? List.of() : List.of(run.style()), run.length());
        }
        return builder.create();
    }
}

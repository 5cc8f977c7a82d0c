package dev.wheelhouse.ui.editor;

import dev.wheelhouse.ui.editor.YamlHighlighter.Line;
import dev.wheelhouse.ui.editor.YamlHighlighter.Run;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.application.Platform;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * Keeps a code area's YAML highlighting current, on the JavaFX thread and in proportion to the edit and
 * the viewport rather than to the text. Each edit rescans the paragraphs it touched (and the following
 * ones only while the block-scalar state they start in changed: microseconds per line), and only
 * paragraphs on screen, plus a margin, are restyled; the others are restyled when scrolled to. Restyling
 * is what costs (RichTextFX rebuilds the paragraph and its cell), and a 5,000-line text restyled at once
 * took seconds to open; reading the whole text per key (getText) is avoided too.
 */
final class HighlightPainter {
    /** Paragraphs above and below the viewport restyled ahead of scrolling. */
    private static final int MARGIN = 40;
    /** Before the first layout nothing is visible: paint as many as a tall window shows. */
    private static final int FIRST_SCREEN = 120;
    /** An edit of up to this many paragraphs is restyled at once (it is where the user types); a larger one as it shows. */
    private static final int SMALL_EDIT = 60;
    private final CodeArea area;
    /** Per paragraph: its runs, the state it started in, and whether the area shows those runs. */
    private final List<Scanned> lines = new ArrayList<>();
    /** The viewport moved or an edit restyled paragraphs beyond those edited: paint the visible ones after the next layout. */
    private boolean visibleWanted;
    private Runnable onPainted = () -> { };

    private final Runnable afterLayout = this::afterLayout;

    private static final class Scanned {
        final Line line;
        final int blockParentBefore;
        boolean painted;

        Scanned(Line line, int blockParentBefore) {
            this.line = line;
            this.blockParentBefore = blockParentBefore;
        }
    }

    HighlightPainter(CodeArea area) {
        this.area = area;
        rescan(0, 0, area.getParagraphs().size());
        area.plainTextChanges().subscribe(this::changed);
        area.viewportDirtyEvents().subscribe(dirty -> wantVisible());
        // Which paragraphs are visible is asked once a pulse has laid them out: asking earlier forces
        // an extra layout of the area (a third of a key press's time).
        if (area.getScene() != null) {
            area.getScene().addPostLayoutPulseListener(afterLayout);
        }
        area.sceneProperty().subscribe((was, now) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(afterLayout);
            }
            if (now != null) {
                now.addPostLayoutPulseListener(afterLayout);
            }
        });
        paintVisible();
    }

    /** Runs after each layout pass of the area's scene. */
    private void afterLayout() {
        if (visibleWanted) {
            visibleWanted = false;
            if (paintVisible()) {
                area.layout(); // the restyled cells, laid out for this very frame
            }
            onPainted.run();
        }
    }

    private void wantVisible() {
        if (!visibleWanted) {
            visibleWanted = true;
            Platform.requestNextPulse();
        }
    }

    /** Called on the FX thread after each paint pass (the benchmark measures to here). */
    void onPainted(Runnable action) {
        onPainted = action;
    }

    private void changed(PlainTextChange change) {
        int paragraph = area.offsetToPosition(change.getPosition(), Bias.Forward).getMajor();
        int removed = lineBreaks(change.getRemoved());
        int inserted = lineBreaks(change.getInserted());
        boolean followersChanged = rescan(paragraph, removed + 1, inserted + 1);
        if (inserted + 1 <= SMALL_EDIT) {
            // Restyled at once, inside the change's notification (RichTextFX queues the nested style
            // change), so the frame that shows the typed character shows it in its colour.
            paintRange(paragraph, paragraph + inserted);
        }
        if (followersChanged || inserted + 1 > SMALL_EDIT) {
            wantVisible();
        }
        onPainted.run();
    }

    /**
     * Replaces the entries of {@code removed} paragraphs at {@code from} by scans of the {@code inserted}
     * paragraphs now there, then rescans the following paragraphs while the state they start in differs.
     * Returns whether any of those following paragraphs now needs a new style.
     */
    private boolean rescan(int from, int removed, int inserted) {
        int count = area.getParagraphs().size();
        from = Math.min(from, lines.size());
        lines.subList(from, Math.min(lines.size(), from + removed)).clear();
        int blockParent = from == 0 ? -1 : lines.get(from - 1).line.blockParent();
        List<Scanned> fresh = new ArrayList<>(inserted);
        for (int i = from; i < from + inserted && i < count; i++) {
            Scanned scanned = new Scanned(YamlHighlighter.line(area.getParagraph(i).getText(), blockParent), blockParent);
            fresh.add(scanned);
            blockParent = scanned.line.blockParent();
        }
        lines.addAll(from, fresh);
        boolean followersChanged = false;
        for (int i = from + fresh.size(); i < lines.size(); i++) {
            Scanned old = lines.get(i);
            if (old.blockParentBefore == blockParent) {
                break; // same text, same start: this line and all after it scan as before
            }
            Scanned scanned = new Scanned(YamlHighlighter.line(area.getParagraph(i).getText(), blockParent), blockParent);
            scanned.painted = old.painted && scanned.line.runs().equals(old.line.runs());
            followersChanged |= !scanned.painted;
            lines.set(i, scanned);
            blockParent = scanned.line.blockParent();
        }
        return followersChanged;
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

    /** Restyles the unpainted paragraphs on screen and near it; returns whether any needed it. */
    private boolean paintVisible() {
        int count = Math.min(lines.size(), area.getParagraphs().size());
        int first;
        int last;
        int visible = area.getVisibleParagraphs().size();
        if (visible == 0) {
            first = 0;
            last = Math.min(count, FIRST_SCREEN) - 1;
        } else {
            first = Math.max(0, area.visibleParToAllParIndex(0) - MARGIN);
            last = Math.min(count - 1, area.visibleParToAllParIndex(visible - 1) + MARGIN);
        }
        return paintRange(first, last);
    }

    /** Restyles the unpainted paragraphs of {@code first..last}, each contiguous stretch in one call. */
    private boolean paintRange(int first, int last) {
        boolean any = false;
        int i = first;
        while (i <= last) {
            if (lines.get(i).painted) {
                i++;
                continue;
            }
            int start = i;
            while (i <= last && !lines.get(i).painted) {
                lines.get(i).painted = true;
                i++;
            }
            paint(start, i);
            any = true;
        }
        return any;
    }

    private void paint(int from, int to) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        int length = 0;
        for (int i = from; i < to; i++) {
            for (Run run : lines.get(i).line.runs()) {
                builder.add(run.style().isEmpty() ? List.of() : List.of(run.style()), run.length());
                length += run.length();
            }
            if (i < to - 1) {
                builder.add(List.of(), 1); // the line break
                length++;
            }
        }
        if (length > 0) {
            StyleSpans<Collection<String>> spans = builder.create();
            area.setStyleSpans(from, 0, spans);
        }
    }
}

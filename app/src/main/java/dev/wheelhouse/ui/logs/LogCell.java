package dev.wheelhouse.ui.logs;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.service.AnsiText;
import dev.wheelhouse.service.AnsiText.Segment;
import dev.wheelhouse.service.AnsiText.Style;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import javafx.scene.text.FontPosture;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One log line: its time (when shown), its pod in that pod's colour (for a workload), and its text in its
 * ANSI colours, with the search's matches marked. Cells are reused as the list scrolls: only visible lines
 * are ever laid out.
 */
final class LogCell extends ListCell<LogLine> {
    static final int SOURCE_COLOURS = 8;
    /** The terminal's 16 named colours, as a dark-on-light terminal shows them. */
    private static final String[] NAMED = {"#1f2328", "#cf222e", "#116329", "#9a6700", "#0969da", "#8250df", "#1b7c83", "#6e7781",
        "#57606a", "#a40e26", "#1a7f37", "#633c01", "#218bff", "#a475f9", "#3192aa", "#8c959f"};

    private final LogsViewModel model;
    private final TextFlow flow = new TextFlow();
    private final Text time = text("", "log-time");
    private final Text source = new Text();
    private final Text plain = text("", "log-text");

    LogCell(LogsViewModel model) {
        this.model = model;
        setText(null);
        flow.setMinWidth(Region.USE_PREF_SIZE);
    }

    /** The colour class of a pod in this view (see {@link LogsViewModel#colourOf}). */
    static String sourceClass(LogsViewModel model, String pod) {
        return "log-source-" + model.colourOf(pod) % SOURCE_COLOURS;
    }

    @Override
    protected void updateItem(LogLine line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null) {
            setGraphic(null);
            return;
        }
        List<Node> parts = new ArrayList<>(4);
        if (model.timestampsProperty().get()) {
            time.setText(LogsViewModel.TIME.format(line.time()) + " ");
            parts.add(time);
        }
        if (model.showsSource()) {
            String name = model.source(line);
            if (!name.isEmpty()) {
                source.setText(name + " ");
                String colour = sourceClass(model, line.pod());
                if (!source.getStyleClass().equals(List.of(colour))) {
                    source.getStyleClass().setAll(colour);
                }
                parts.add(source);
            }
        }
        if (line.isNote()) {
            parts.add(text("── " + line.text() + " ──", "log-note"));
        } else {
            List<Segment> segments = AnsiText.parse(line.text());
            boolean plainOnly = segments.size() == 1 && segments.get(0).style().equals(Style.PLAIN);
            if (plainOnly && model.matches(segments.get(0).text()).isEmpty()) {
                plain.setText(segments.get(0).text());
                parts.add(plain);
            } else {
                addWithMatches(parts, segments, getIndex() == model.currentMatchProperty().get());
            }
        }
        // Most lines are plain text: the cell's own Text nodes are reused, so no new node needs styling.
        if (!flow.getChildren().equals(parts)) {
            flow.getChildren().setAll(parts);
        }
        boolean wrap = model.wrapProperty().get();
        flow.setMinWidth(wrap ? 0 : Region.USE_PREF_SIZE);
        flow.setPrefWidth(wrap ? getListView().getWidth() - 24 : Region.USE_COMPUTED_SIZE);
        setGraphic(flow);
    }

    /** Splits the styled segments where the search matches, so that a match spanning colours is marked whole. */
    private void addWithMatches(List<Node> parts, List<Segment> segments, boolean current) {
        StringBuilder plain = new StringBuilder();
        segments.forEach(segment -> plain.append(segment.text()));
        List<int[]> matches = model.matches(plain.toString());
        int offset = 0;
        for (Segment segment : segments) {
            int start = offset;
            int end = offset + segment.text().length();
            int at = start;
            for (int[] match : matches) {
                int from = Math.max(match[0], start);
                int to = Math.min(match[1], end);
                if (from >= to) {
                    continue;
                }
                if (from > at) {
                    parts.add(styled(plain.substring(at, from), segment.style()));
                }
                Label marked = new Label(plain.substring(from, to));
                marked.getStyleClass().add("log-match");
                if (current) {
                    marked.getStyleClass().add("current");
                }
                parts.add(marked);
                at = to;
            }
            if (at < end) {
                parts.add(styled(plain.substring(at, end), segment.style()));
            }
            offset = end;
        }
    }

    private static Text text(String content, String styleClass) {
        Text text = new Text(content);
        text.getStyleClass().add(styleClass);
        return text;
    }

    /**
     * A segment in its ANSI style. One with a background colour is a label, which can paint one (as search
     * matches are); the rest are text nodes, which wrap at any character.
     */
    private Node styled(String content, Style style) {
        if (style.equals(Style.PLAIN)) {
            return text(content, "log-text");
        }
        Font font = getFont();
        Font styledFont = style.bold() || style.italic() ? Font.font(font.getFamily(), style.bold() ? FontWeight.BOLD : FontWeight.NORMAL,
                style.italic() ? FontPosture.ITALIC : FontPosture.REGULAR, font.getSize()) : null;
        if (style.background() != AnsiText.DEFAULT) {
            Label label = new Label(content);
            label.getStyleClass().add("log-background");
            label.setStyle("-fx-background-color: " + colour(style.background()) + ';'
                    + (style.foreground() != AnsiText.DEFAULT ? "-fx-text-fill: " + colour(style.foreground()) + ';' : ""));
            label.setUnderline(style.underline());
            if (styledFont != null) {
                label.setFont(styledFont);
            }
            return label;
        }
        Text text = text(content, "log-text");
        if (style.foreground() != AnsiText.DEFAULT) {
            text.setStyle("-fx-fill: " + colour(style.foreground()) + ';');
        }
        text.setUnderline(style.underline());
        if (styledFont != null) {
            text.setFont(styledFont);
        }
        return text;
    }

    /** An ANSI colour number as CSS: named, the xterm cube and greys, or 24-bit. */
    static String colour(int code) {
        if ((code & AnsiText.RGB) != 0) {
            return String.format("#%06x", code & 0xffffff);
        }
        if (code < 16) {
            return NAMED[code];
        }
        if (code < 232) {
            int cube = code - 16;
            int[] levels = {0, 95, 135, 175, 215, 255};
            return String.format("#%02x%02x%02x", levels[cube / 36], levels[cube / 6 % 6], levels[cube % 6]);
        }
        int grey = 8 + (code - 232) * 10;
        return String.format("#%02x%02x%02x", grey, grey, grey);
    }
}

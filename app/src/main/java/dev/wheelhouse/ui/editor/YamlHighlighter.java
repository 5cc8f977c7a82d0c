package dev.wheelhouse.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * YAML highlighting as runs of style classes per line: keys, strings, numbers, booleans and null,
 * comments, anchors and aliases, tags, block scalars ({@code |}, {@code >} and their lines) and document
 * markers. Pure and line-based (the only state carried from line to line is "inside a block scalar"),
 * so it runs off the JavaFX thread and its result is compared line by line to repaint only what changed.
 */
public final class YamlHighlighter {
    public static final String PLAIN = "";
    public static final String KEY = "key";
    public static final String STRING = "string";
    public static final String NUMBER = "number";
    public static final String BOOLEAN = "boolean";
    public static final String NULL = "null";
    public static final String COMMENT = "comment";
    public static final String ANCHOR = "anchor";
    public static final String TAG = "tag";
    public static final String BLOCK = "block";
    public static final String DOCUMENT = "document";

    private static final Pattern NUMBER_TEXT = Pattern.compile(
            "[-+]?(\\d[\\d_]*(\\.\\d*)?([eE][-+]?\\d+)?|\\.\\d+([eE][-+]?\\d+)?|0x[0-9a-fA-F_]+|0o[0-7_]+|\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))");
    private static final Pattern BOOLEAN_TEXT = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern NULL_TEXT = Pattern.compile("null|Null|NULL|~");
    private static final Pattern BLOCK_INDICATOR = Pattern.compile("[|>][-+0-9]*\\s*(#.*)?");

    /** A stretch of {@code length} characters in one style ({@link #PLAIN} for none). */
    public record Run(int length, String style) {
    }

    /**
     * One line's runs and the state the next line starts in: the column of the node whose block scalar
     * the following lines belong to (lines indented deeper than it), or -1 outside a block scalar.
     */
    public record Line(List<Run> runs, int blockParent) {
    }

    private YamlHighlighter() {
    }

    /** The runs of every line of {@code text} (lines split at \n); each line's runs cover it exactly. */
    public static List<List<Run>> highlight(String text) {
        return highlight(List.of(text.split("\n", -1)));
    }

    public static List<List<Run>> highlight(List<String> lines) {
        List<List<Run>> out = new ArrayList<>(lines.size());
        int blockParent = -1;
        for (String line : lines) {
            Line scanned = line(line, blockParent);
            out.add(scanned.runs());
            blockParent = scanned.blockParent();
        }
        return out;
    }

    /**
     * One line, starting in {@code blockParent} (as the previous line left it, -1 for the first). The
     * result depends on these two alone, so an editor rescans a changed line and the lines after it only
     * until the state they start in is the one they started in before.
     */
    public static Line line(String line, int blockParent) {
        int indent = indentOf(line);
        if (blockParent >= 0 && (indent == line.length() || indent > blockParent)) {
            return new Line(line.isEmpty() ? List.of() : List.of(new Run(line.length(), BLOCK)), blockParent);
        }
        LineScanner scanner = new LineScanner(line);
        return new Line(scanner.scan(), scanner.blockParent);
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** One line's tokens. */
    private static final class LineScanner {
        private final String line;
        private final List<Run> runs = new ArrayList<>();
        private int at;
        private int flowDepth;
        /** Column of the node the line's value belongs to (its key, or its list dash). */
        private int nodeColumn;
        int blockParent = -1;

        LineScanner(String line) {
            this.line = line;
        }

        List<Run> scan() {
            if ((line.startsWith("---") || line.startsWith("...")) && (line.length() == 3 || line.charAt(3) == ' ')) {
                emit(3, DOCUMENT);
            }
            nodeColumn = indentOf(line);
            while (at < line.length()) {
                char c = line.charAt(at);
                if (c == ' ' || c == '\t') {
                    emit(1, PLAIN);
                } else if (c == '#' && (at == 0 || line.charAt(at - 1) == ' ' || line.charAt(at - 1) == '\t')) {
                    emit(line.length() - at, COMMENT);
                } else if (c == '-' && flowDepth == 0 && (at + 1 == line.length() || line.charAt(at + 1) == ' ')) {
                    nodeColumn = at;
                    emit(1, PLAIN);
                } else if (c == '&' || c == '*') {
                    emit(wordEnd(at + 1) - at, ANCHOR);
                } else if (c == '!') {
                    emit(wordEnd(at + 1) - at, TAG);
                } else if (c == '"' || c == '\'') {
                    int end = quoteEnd(c);
                    emit(end - at, isKeyAfter(end) ? KEY : STRING);
                } else if (c == '{' || c == '[') {
                    flowDepth++;
                    emit(1, PLAIN);
                } else if (c == '}' || c == ']') {
                    flowDepth = Math.max(0, flowDepth - 1);
                    emit(1, PLAIN);
                } else if (c == ',' || c == ':') {
                    emit(1, PLAIN);
                } else if ((c == '|' || c == '>') && flowDepth == 0 && BLOCK_INDICATOR.matcher(line.substring(at)).matches()) {
                    int comment = line.indexOf('#', at);
                    int end = comment < 0 ? line.length() : comment;
                    emit(end - at, BLOCK);
                    blockParent = nodeColumn;
                } else {
                    plainScalar();
                }
            }
            return runs;
        }

        private void plainScalar() {
            int start = at;
            int end = start;
            boolean key = false;
            while (end < line.length()) {
                char c = line.charAt(end);
                if (c == ':' && (end + 1 == line.length() || line.charAt(end + 1) == ' ' || (flowDepth > 0 && ",]}".indexOf(line.charAt(end + 1)) >= 0))) {
                    key = true;
                    break;
                }
                if (c == '#' && line.charAt(end - 1) == ' ') {
                    break;
                }
                if (flowDepth > 0 && ",[]{}".indexOf(c) >= 0) {
                    break;
                }
                end++;
            }
            int trimmed = end;
            while (trimmed > start && line.charAt(trimmed - 1) == ' ') {
                trimmed--;
            }
            String text = line.substring(start, trimmed);
            if (key) {
                nodeColumn = start;
            }
            emit(trimmed - start, key ? KEY : classify(text));
        }

        private static String classify(String text) {
            if (NUMBER_TEXT.matcher(text).matches()) {
                return NUMBER;
            }
            if (BOOLEAN_TEXT.matcher(text).matches()) {
                return BOOLEAN;
            }
            if (NULL_TEXT.matcher(text).matches()) {
                return NULL;
            }
            return STRING;
        }

        private int quoteEnd(char quote) {
            int i = at + 1;
            while (i < line.length()) {
                char c = line.charAt(i);
                if (quote == '"' && c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == quote) {
                    if (quote == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
                        i += 2;
                        continue;
                    }
                    return i + 1;
                }
                i++;
            }
            return line.length();
        }

        private boolean isKeyAfter(int end) {
            int i = end;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
            boolean key = i < line.length() && line.charAt(i) == ':' && (i + 1 == line.length() || line.charAt(i + 1) == ' ');
            if (key) {
                nodeColumn = at;
            }
            return key;
        }

        private int wordEnd(int from) {
            int i = from;
            while (i < line.length() && line.charAt(i) != ' ' && ",[]{}".indexOf(line.charAt(i)) < 0) {
                i++;
            }
            return i;
        }

        /** Adds a run, merging it into the previous one of the same style. */
        private void emit(int length, String style) {
            if (length <= 0) {
                at++;
                runs.add(new Run(1, style));
                return;
            }
            if (!runs.isEmpty() && runs.get(runs.size() - 1).style().equals(style)) {
                Run last = runs.remove(runs.size() - 1);
                runs.add(new Run(last.length() + length, style));
            } else {
                runs.add(new Run(length, style));
            }
            at += length;
        }
    }
}

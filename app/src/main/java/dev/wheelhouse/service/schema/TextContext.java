package dev.wheelhouse.service.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the caret is in manifest text that may not parse, found from indentation as the user types: the
 * document's apiVersion and kind, the path of the mapping that holds the caret ({@code "[]"} for a list item),
 * what is typed so far, and the keys already written in that mapping.
 *
 * @param parent   keys and {@code "[]"} from the document's root to the mapping (or list item) at the caret
 * @param key      in a value, the key whose value is typed; else null
 * @param partial  the part of the key or value typed before the caret
 * @param written  keys of the same mapping written on other lines
 */
record TextContext(String apiVersion, String kind, List<String> parent, String key, String partial, Set<String> written) {
    static final String ITEM = "[]";
    private static final Pattern KEY = Pattern.compile(
            "^(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'|[^\\s#'\"\\[\\]{}:,][^#]*?)\\s*:(?=\\s|$)");
    private static final Pattern PARTIAL_KEY = Pattern.compile("^[^\\s:#'\"\\[\\]{},]*$");
    private static final Pattern TOP_LEVEL = Pattern.compile("^(apiVersion|kind)\\s*:\\s*(.*)$");

    TextContext {
        parent = List.copyOf(parent);
        written = Collections.unmodifiableSet(new LinkedHashSet<>(written));
    }

    boolean inValue() {
        return key != null;
    }

    /** One token that opens a node on a line: a list item's dash, or a key. */
    private record Token(int column, String key) {
        boolean dash() {
            return key == null;
        }
    }

    /**
     * The context of a 1-based caret; null where nothing can be completed (inside a comment, after a list
     * item's plain text, past a flow collection's opening bracket).
     */
    static TextContext at(String text, int line, int column) {
        String[] lines = text.split("\n", -1);
        if (line < 1 || line > lines.length) {
            return null;
        }
        int caretLine = line - 1;
        String current = stripCarriageReturn(lines[caretLine]);
        String prefix = current.substring(0, Math.min(Math.max(column - 1, 0), current.length()));
        List<Token> dashes = new ArrayList<>();
        int i = leadingDashes(prefix, dashes);
        String rest = prefix.substring(i);
        String key = null;
        String partial;
        int keyColumn = i;
        Matcher keyMatch = KEY.matcher(rest);
        if (keyMatch.find()) {
            key = unquote(keyMatch.group(1).strip());
            partial = unquote(rest.substring(keyMatch.end()).strip());
            if (partial.startsWith("{") || partial.startsWith("[") || partial.startsWith("|") || partial.startsWith(">")) {
                return null;
            }
        } else if (PARTIAL_KEY.matcher(rest).matches()) {
            partial = rest;
        } else {
            return null;
        }
        int[] bounds = documentBounds(lines, caretLine);
        List<String> reversed = new ArrayList<>();
        Set<String> written = new LinkedHashSet<>();
        boolean mapping = true;
        int c = keyColumn;
        for (int d = dashes.size() - 1; d >= 0; d--) {
            reversed.add(ITEM);
            mapping = false;
            c = dashes.get(d).column();
        }
        boolean innermost = dashes.isEmpty();
        for (int l = caretLine - 1; l >= bounds[0] && !(mapping && c == 0 && !innermost); l--) {
            List<Token> tokens = tokens(stripCarriageReturn(lines[l]));
            int owner = -1;
            for (int t = tokens.size() - 1; t >= 0 && owner < 0; t--) {
                Token token = tokens.get(t);
                if (token.column() < c || (!mapping && !token.dash() && token.column() == c)) {
                    owner = t;
                }
            }
            if (innermost) {
                for (int t = owner + 1; t < tokens.size(); t++) {
                    if (!tokens.get(t).dash() && tokens.get(t).column() == keyColumn) {
                        written.add(tokens.get(t).key());
                    }
                }
            }
            for (int t = owner; t >= 0; t--) {
                Token token = tokens.get(t);
                reversed.add(token.dash() ? ITEM : token.key());
                mapping = !token.dash();
                c = token.column();
                innermost = false;
            }
        }
        written.addAll(keysBelow(lines, caretLine, bounds[1], keyColumn));
        if (key != null) {
            written.remove(key);
        }
        Collections.reverse(reversed);
        String[] kind = apiVersionAndKind(lines, bounds);
        return new TextContext(kind[0], kind[1], reversed, key, partial, written);
    }

    /** Keys at the same column below the caret, until the mapping ends (a line that starts left of it). */
    private static List<String> keysBelow(String[] lines, int caretLine, int end, int column) {
        List<String> keys = new ArrayList<>();
        for (int l = caretLine + 1; l < end; l++) {
            List<Token> tokens = tokens(stripCarriageReturn(lines[l]));
            if (tokens.isEmpty()) {
                continue;
            }
            if (tokens.get(0).column() < column) {
                break;
            }
            if (!tokens.get(0).dash() && tokens.get(0).column() == column) {
                keys.add(tokens.get(0).key());
            }
        }
        return keys;
    }

    /** The dashes and the key that open nodes on a line; empty for blank lines, comments and plain text. */
    private static List<Token> tokens(String line) {
        List<Token> tokens = new ArrayList<>();
        int i = leadingDashes(line, tokens);
        String rest = line.substring(i);
        if (rest.startsWith("#")) {
            return tokens;
        }
        Matcher key = KEY.matcher(rest);
        if (key.find()) {
            tokens.add(new Token(i, unquote(key.group(1).strip())));
        } else if (tokens.isEmpty()) {
            return List.of();
        }
        return tokens;
    }

    /** Adds the list dashes a line starts with; returns the column after them (and the spaces that follow). */
    private static int leadingDashes(String line, List<Token> dashes) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        while (i < line.length() && line.charAt(i) == '-' && (i + 1 == line.length() || line.charAt(i + 1) == ' ')) {
            dashes.add(new Token(i, null));
            i++;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }

    /** The caret's document: from after the previous {@code ---} to before the next. */
    private static int[] documentBounds(String[] lines, int caretLine) {
        int start = 0;
        for (int l = caretLine; l >= 0; l--) {
            if (isSeparator(lines[l]) && l != caretLine) {
                start = l + 1;
                break;
            }
        }
        int end = lines.length;
        for (int l = caretLine + 1; l < lines.length; l++) {
            if (isSeparator(lines[l])) {
                end = l;
                break;
            }
        }
        return new int[] {start, end};
    }

    private static boolean isSeparator(String line) {
        return line.startsWith("---") && (line.length() == 3 || Character.isWhitespace(line.charAt(3)));
    }

    private static String[] apiVersionAndKind(String[] lines, int[] bounds) {
        String[] found = {"", ""};
        for (int l = bounds[0]; l < bounds[1]; l++) {
            Matcher top = TOP_LEVEL.matcher(stripCarriageReturn(lines[l]));
            if (top.matches()) {
                String value = top.group(2);
                int comment = value.indexOf(" #");
                value = unquote((comment >= 0 ? value.substring(0, comment) : value).strip());
                found[top.group(1).equals("apiVersion") ? 0 : 1] = value;
            }
        }
        return found;
    }

    private static String unquote(String text) {
        if (text.length() >= 1 && (text.charAt(0) == '"' || text.charAt(0) == '\'')) {
            char quote = text.charAt(0);
            int close = text.indexOf(quote, 1);
            return close > 0 ? text.substring(1, close) : text.substring(1);
        }
        return text;
    }

    private static String stripCarriageReturn(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}

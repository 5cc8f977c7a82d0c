package dev.wheelhouse.service.manifest;

import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;

/**
 * SnakeYAML's errors turned into a line and column where the user can fix them. Lines are counted at {@code \n}
 * only, as an editor counts them (SnakeYAML also breaks lines at a lone CR and at U+0085, U+2028, U+2029).
 */
final class SyntaxProblems {
    private SyntaxProblems() {
    }

    static ManifestProblem marked(String text, MarkedYAMLException e) {
        Mark problemMark = e.getProblemMark();
        Mark contextMark = e.getContextMark();
        String problem = e.getProblem();
        String context = e.getContext();
        Mark at = problemMark != null ? problemMark : contextMark;
        String message = problem != null ? problem : context != null ? context : "not valid YAML";
        if (problem != null && context != null) {
            message = problem + " (" + context + ")";
        }
        String opened = opened(context);
        if (opened != null && problemMark != null && contextMark != null
                && (reachedTheEnd(problem) || problemMark.getLine() > contextMark.getLine())) {
            // The parser only notices at the end of the text (or on a later line) what went wrong where it opened.
            at = contextMark;
            message = "the " + opened + " that starts here is never closed (" + problem + ")";
        }
        if (at == null) {
            return new ManifestProblem(1, 1, "", message, ManifestProblem.Source.SYNTAX);
        }
        int[] lineColumn = lineColumnOf(text, at.getIndex());
        if (problem != null && problem.startsWith("mapping values are not allowed here")) {
            int[] keyLine = keyWithoutColonBefore(text, lineColumn[0]);
            if (keyLine != null) {
                return new ManifestProblem(keyLine[0], keyLine[1], "", "missing ':' after the key, so the next line was read as"
                        + " more of its text (" + problem + " at line " + lineColumn[0] + ")", ManifestProblem.Source.SYNTAX);
            }
        }
        return new ManifestProblem(lineColumn[0], lineColumn[1], "", message, ManifestProblem.Source.SYNTAX);
    }

    private static String opened(String context) {
        if (context == null) {
            return null;
        }
        if (context.contains("quoted scalar")) {
            return "quoted text";
        }
        if (context.contains("flow sequence")) {
            return "[";
        }
        if (context.contains("flow mapping")) {
            return "{";
        }
        return null;
    }

    private static boolean reachedTheEnd(String problem) {
        return problem != null && (problem.contains("end of stream") || problem.contains("<stream end>"));
    }

    /**
     * "key value" with no colon, then "other: value" on the next line: SnakeYAML reads both lines as one plain text
     * and trips over the second colon. The mistake is on the line before, when that line holds no key of its own.
     */
    private static int[] keyWithoutColonBefore(String text, int line) {
        String[] lines = text.split("\n", -1);
        for (int l = line - 2; l >= 0; l--) {
            String previous = lines[l].strip();
            if (previous.isEmpty() || previous.startsWith("#")) {
                continue;
            }
            boolean hasKey = previous.matches(".*:(\\s.*|$)") || previous.startsWith("-") || previous.startsWith("---");
            if (hasKey || previous.startsWith("\"") || previous.startsWith("'")) {
                return null;
            }
            int indent = lines[l].length() - lines[l].stripLeading().length();
            int caretIndent = lines[line - 1].length() - lines[line - 1].stripLeading().length();
            return indent == caretIndent ? new int[] {l + 1, indent + 1} : null;
        }
        return null;
    }

    /** SnakeYAML's limits throw without a place: find it again from the events, which the limits do not stop. */
    static ManifestProblem unmarked(String text, String message) {
        String said = message == null ? "not valid YAML" : message;
        Mark at = null;
        try {
            if (said.contains("Number of aliases")) {
                at = aliasBeyondTheLimit(text);
                said = "too many aliases of lists or mappings (more than " + Manifest.MAX_ALIASES + "), as in a \"billion laughs\" attack; " + said;
            } else if (said.contains("Nesting Depth")) {
                at = collectionBeyondTheDepth(text);
                said = "nested more than " + Manifest.MAX_NESTING + " levels deep; " + said;
            }
        } catch (RuntimeException | StackOverflowError notFound) {
            at = null;
        }
        if (said.contains("exceeds the limit")) {
            int line = firstLineOfTheOversizedDocument(text);
            return new ManifestProblem(line, 1, "", "the document that starts here is too large to read (over "
                    + Manifest.MAX_CODE_POINTS / (1024 * 1024) + " Mi characters); " + said, ManifestProblem.Source.SYNTAX);
        }
        int[] lineColumn = at == null ? new int[] {1, 1} : lineColumnOf(text, at.getIndex());
        return new ManifestProblem(lineColumn[0], lineColumn[1], "", said, ManifestProblem.Source.SYNTAX);
    }

    private static Iterable<Event> events(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Manifest.MAX_CODE_POINTS);
        return new Yaml(options).parse(new StringReader(text));
    }

    /** The alias that made SnakeYAML's count of aliases to lists and mappings (over the whole stream) pass its limit. */
    private static Mark aliasBeyondTheLimit(String text) {
        Set<String> collections = new HashSet<>();
        int count = 0;
        for (Event event : events(text)) {
            if (event instanceof CollectionStartEvent start && start.getAnchor() != null) {
                collections.add(start.getAnchor());
            } else if (event instanceof AliasEvent alias && collections.contains(alias.getAnchor()) && ++count > Manifest.MAX_ALIASES) {
                return alias.getStartMark();
            }
        }
        return null;
    }

    private static Mark collectionBeyondTheDepth(String text) {
        int depth = 0;
        for (Event event : events(text)) {
            if (event instanceof CollectionStartEvent && ++depth > Manifest.MAX_NESTING) {
                return event.getStartMark();
            } else if (event instanceof CollectionEndEvent) {
                depth--;
            }
        }
        return null;
    }

    /** SnakeYAML counts its limit per document. */
    private static int firstLineOfTheOversizedDocument(String text) {
        int line = 1;
        int documentLine = 1;
        int documentStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length();
            if (end || text.startsWith("---", i) && (i == 0 || text.charAt(i - 1) == '\n')) {
                if (text.codePointCount(documentStart, i) > Manifest.MAX_CODE_POINTS) {
                    return documentLine;
                }
                documentStart = i;
                documentLine = line;
            }
            if (!end && text.charAt(i) == '\n') {
                line++;
            }
        }
        return 1;
    }

    /** 1-based line (counted at {@code \n}) and column (in characters) of a code point index, as SnakeYAML's marks give. */
    static int[] lineColumnOf(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int i = 0; i < codePointIndex && offset < text.length(); i++) {
            int cp = text.codePointAt(offset);
            offset += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column += Character.charCount(cp);
            }
        }
        return new int[] {line, column};
    }
}

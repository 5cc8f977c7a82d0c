package dev.wheelhouse.ui.editor;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Find and replace in editor text, ignoring case as editors' find bars do by default. */
final class TextSearch {
    private TextSearch() {
    }

    /** Where {@code query} next occurs at or after {@code from}, wrapping to the start; -1 if nowhere. */
    static int next(String text, String query, int from) {
        String haystack = text.toLowerCase(Locale.ROOT);
        String needle = query.toLowerCase(Locale.ROOT);
        int at = haystack.indexOf(needle, Math.min(from, text.length()));
        return at >= 0 ? at : haystack.indexOf(needle);
    }

    static String replaceAll(String text, String query, String replacement) {
        if (query.isEmpty()) {
            return text;
        }
        return Pattern.compile(Pattern.quote(query), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }
}

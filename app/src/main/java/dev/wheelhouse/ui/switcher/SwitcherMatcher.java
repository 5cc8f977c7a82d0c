package dev.wheelhouse.ui.switcher;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Fuzzy matching as in the palettes of VS Code and fzf: the query's characters must appear in the
 * name in order, case-insensitively. Among the ways they can appear, the best-scoring one counts:
 * a character scores more at the start of the name, more after a word break ({@code -}, {@code .},
 * {@code _}, a lower-to-upper change) and more right after the previous match; each gap costs.
 * Names with equal scores rank shorter first, then in the order given.
 * Pure Java: scoring 10,000 names takes a few milliseconds (see the bench), so it runs as you type.
 */
public final class SwitcherMatcher {
    static final int MATCH = 16;
    static final int START_BONUS = 12;
    static final int BOUNDARY_BONUS = 8;
    static final int CAMEL_BONUS = 7;
    static final int CONSECUTIVE_BONUS = 5;
    static final int GAP_PENALTY = 3;
    private static final int NONE = Integer.MIN_VALUE / 2;

    private SwitcherMatcher() {
    }

    /** One ranked item, with the indexes of the name's characters that matched (for highlighting). */
    public record Match<T>(T item, String text, int score, int[] positions) {
    }

    /**
     * The best {@code limit} items whose text contains the query as a subsequence, best first.
     * A blank query matches everything, in the given order, with nothing highlighted.
     */
    public static <T> List<Match<T>> top(String query, List<T> items, Function<T, String> text, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return items.stream().limit(limit).map(item -> new Match<>(item, text.apply(item), 0, new int[0])).toList();
        }
        record Scored(int index, String text, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String name = text.apply(items.get(i));
            if (isSubsequence(q, name)) {
                scored.add(new Scored(i, name, best(q, name, null)));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed()
                .thenComparingInt(s -> s.text().length()).thenComparingInt(Scored::index));
        List<Match<T>> ranked = new ArrayList<>(Math.min(limit, scored.size()));
        for (Scored s : scored.subList(0, Math.min(limit, scored.size()))) {
            int[] positions = new int[q.length()];
            best(q, s.text(), positions);
            ranked.add(new Match<>(items.get(s.index()), s.text(), s.score(), positions));
        }
        return ranked;
    }

    private static boolean isSubsequence(String lowerQuery, String name) {
        int at = 0;
        for (int i = 0; i < name.length() && at < lowerQuery.length(); i++) {
            if (Character.toLowerCase(name.charAt(i)) == lowerQuery.charAt(at)) {
                at++;
            }
        }
        return at == lowerQuery.length();
    }

    /**
     * Dynamic programming over (query character, name position): {@code scores[i][j]} is the best
     * score with query character i matched at position j, either right after character i-1
     * (consecutive) or after a gap. Fills {@code positions} from the best alignment when given.
     */
    private static int best(String q, String name, int[] positions) {
        int m = q.length();
        int n = name.length();
        int[] bonus = new int[n];
        for (int j = 0; j < n; j++) {
            bonus[j] = bonus(name, j);
        }
        int[][] scores = new int[m][n];
        for (int i = 0; i < m; i++) {
            int bestBeforeGap = NONE;
            for (int j = 0; j < n; j++) {
                if (i > 0 && j >= 2) {
                    bestBeforeGap = Math.max(bestBeforeGap, scores[i - 1][j - 2]);
                }
                if (Character.toLowerCase(name.charAt(j)) != q.charAt(i)) {
                    scores[i][j] = NONE;
                    continue;
                }
                int previous;
                if (i == 0) {
                    previous = 0;
                } else {
                    int consecutive = j >= 1 && scores[i - 1][j - 1] > NONE ? scores[i - 1][j - 1] + CONSECUTIVE_BONUS : NONE;
                    int afterGap = bestBeforeGap > NONE ? bestBeforeGap - GAP_PENALTY : NONE;
                    previous = Math.max(consecutive, afterGap);
                }
                scores[i][j] = previous == NONE ? NONE : previous + MATCH + bonus[j];
            }
        }
        int end = -1;
        for (int j = 0; j < n; j++) {
            if (scores[m - 1][j] > NONE && (end < 0 || scores[m - 1][j] > scores[m - 1][end])) {
                end = j;
            }
        }
        if (positions != null) {
            backtrack(scores, bonus, end, positions);
        }
        return scores[m - 1][end];
    }

    private static void backtrack(int[][] scores, int[] bonus, int end, int[] positions) {
        int j = end;
        for (int i = scores.length - 1; i >= 0; i--) {
            positions[i] = j;
            if (i == 0) {
                break;
            }
            int previous = scores[i][j] - MATCH - bonus[j];
            if (j >= 1 && scores[i - 1][j - 1] > NONE && scores[i - 1][j - 1] + CONSECUTIVE_BONUS == previous) {
                j = j - 1;
            } else {
                int k = j - 2;
                while (scores[i - 1][k] - GAP_PENALTY != previous) {
                    k--;
                }
                j = k;
            }
        }
    }

    private static int bonus(String name, int at) {
        if (at == 0) {
            return START_BONUS;
        }
        char before = name.charAt(at - 1);
        char here = name.charAt(at);
        if (!Character.isLetterOrDigit(before)) {
            return BOUNDARY_BONUS;
        }
        return Character.isLowerCase(before) && Character.isUpperCase(here) ? CAMEL_BONUS : 0;
    }
}

package dev.wheelhouse.ui.table;

import dev.wheelhouse.model.PrintedColumn;
import java.time.Instant;
import java.util.Comparator;

/**
 * How a column of printed cells sorts. The server prints everything as text ("5m", "2/2", "1 (3h ago)",
 * "10.0.0.12"), so sorting by text would put "10m" before "5m": Age sorts by the object's creation time (its
 * cell is rounded), cells that are all kubectl durations ("3d4h", "45s") by their length, and others in
 * natural order, numbers within the text compared by value (so "2/2" before "10/10").
 */
final class CellOrder {
    /** More digits than a kubectl duration ever has (and than a long can multiply by a year's seconds). */
    private static final int MOST_DURATION_DIGITS = 9;

    private CellOrder() {
    }

    /** The order of the column shown at {@code index} among the rows' cells. */
    static Comparator<ResourceRow> of(PrintedColumn column, int index) {
        if (column.name().equals("Age")) {
            // Youngest first when ascending, as the ages read.
            return Comparator.comparing((ResourceRow row) -> row.object().creationTimestamp().orElse(Instant.EPOCH)).reversed();
        }
        return Comparator.comparing(row -> cell(row, index), CellOrder::compare);
    }

    static String cell(ResourceRow row, int index) {
        return index < row.cells().size() ? row.cells().get(index) : "";
    }

    /** Durations by length, anything else naturally; a duration sorts before text such as "<none>". */
    static int compare(String a, String b) {
        long aSeconds = seconds(a);
        long bSeconds = seconds(b);
        if (aSeconds >= 0 && bSeconds >= 0) {
            return Long.compare(aSeconds, bSeconds);
        }
        if (aSeconds >= 0 || bSeconds >= 0) {
            return aSeconds >= 0 ? -1 : 1;
        }
        return natural(a, b);
    }

    /**
     * A kubectl duration ("2y10d", "5m30s") in seconds, or -1 if the text is not one. Read by hand, not with a
     * regular expression: a sort of 100k rows calls this millions of times.
     */
    static long seconds(String text) {
        long total = 0;
        long value = 0;
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > MOST_DURATION_DIGITS) {
                    return -1;
                }
                value = value * 10 + (c - '0');
                continue;
            }
            long unit = switch (c) {
                case 'y' -> 365L * 24 * 3600;
                case 'd' -> 24L * 3600;
                case 'h' -> 3600L;
                case 'm' -> 60L;
                case 's' -> 1L;
                default -> -1L;
            };
            if (unit < 0 || digits == 0) {
                return -1;
            }
            total += value * unit;
            value = 0;
            digits = 0;
        }
        return text.isEmpty() || digits > 0 ? -1 : total;
    }

    /** Text compared case-insensitively, runs of digits by their value. */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int iEnd = digitsEnd(a, i);
                int jEnd = digitsEnd(b, j);
                int byValue = compareDigits(a, i, iEnd, b, j, jEnd);
                if (byValue != 0) {
                    return byValue;
                }
                i = iEnd;
                j = jEnd;
            } else {
                int byChar = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (byChar != 0) {
                    return byChar;
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /** The whole numbers a[i, iEnd) and b[j, jEnd), any length, by value: fewer digits after leading zeros is smaller. */
    private static int compareDigits(String a, int i, int iEnd, String b, int j, int jEnd) {
        i = skipZeros(a, i, iEnd);
        j = skipZeros(b, j, jEnd);
        if (iEnd - i != jEnd - j) {
            return Integer.compare(iEnd - i, jEnd - j);
        }
        for (; i < iEnd; i++, j++) {
            if (a.charAt(i) != b.charAt(j)) {
                return Character.compare(a.charAt(i), b.charAt(j));
            }
        }
        return 0;
    }

    /** Where the number in text[from, end) starts once its leading zeros are skipped; "000" keeps its last zero. */
    private static int skipZeros(String text, int from, int end) {
        while (from < end - 1 && text.charAt(from) == '0') {
            from++;
        }
        return from;
    }
}

package dev.wheelhouse.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Reads RFC 3339 times in UTC ({@code 2026-01-02T03:04:05Z}, with up to nine digits of fraction) without the
 * general parser, which costs more than the rest of a log line's handling at tens of thousands of lines a second,
 * and which a table sorted by age would run for each of its rows. Anything but that UTC shape goes to
 * {@link Instant#parse}.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /**
     * The time in {@code text[0, end)}; throws {@link java.time.DateTimeException} if it is none
     * ({@link DateTimeParseException} for text of another shape).
     */
    public static Instant parse(String text, int end) {
        if (end >= 20 && text.charAt(end - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = 0;
            if (end > 20 && text.charAt(19) == '.') {
                int fractionEnd = end - 1;
                if (fractionEnd - 20 > 9 || fractionEnd == 20) {
                    return Instant.parse(text.substring(0, end));
                }
                nanos = digits(text, 20, fractionEnd);
                for (int i = fractionEnd - 20; i < 9; i++) {
                    nanos *= 10;
                }
            } else if (end != 20) {
                return Instant.parse(text.substring(0, end));
            }
            if (year >= 0 && month >= 1 && day >= 1 && hour >= 0 && minute >= 0 && second >= 0 && nanos >= 0
                    && month <= 12 && day <= 31 && hour < 24 && minute < 60 && second < 61) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
            }
        }
        return Instant.parse(text.substring(0, end));
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is no digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}

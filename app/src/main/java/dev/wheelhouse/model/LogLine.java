package dev.wheelhouse.model;

import java.time.Instant;

/**
 * One line of a container's log, with the time the runtime recorded for it, or a note the log view adds
 * between lines (a container restarted, a pod joined or left).
 *
 * @param text the line as written, ANSI escapes and all; a note's own words
 */
public record LogLine(Instant time, String pod, String container, String text, Kind kind) {
    public enum Kind { LINE, NOTE }

    public static LogLine line(Instant time, String pod, String container, String text) {
        return new LogLine(time, pod, container, text, Kind.LINE);
    }

    public static LogLine note(Instant time, String pod, String container, String text) {
        return new LogLine(time, pod, container, text, Kind.NOTE);
    }

    public boolean isNote() {
        return kind == Kind.NOTE;
    }
}

package dev.wheelhouse.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops the lines a resumed log stream repeats. A stream resumes with {@code sinceTime} set to the second of
 * the last line it delivered (the server takes whole seconds), so the server sends that whole second again:
 * the lines of that second already delivered are dropped once each (the same time and text may occur twice
 * in a log, so they are counted), and anything older is dropped. One per stream; not thread-safe.
 */
final class ResumeFilter {
    private record Seen(Instant time, String text) {
    }

    /** The second of the last delivered line, and the lines delivered in it (counted only when resuming). */
    private Instant lastSecond;
    private final List<Seen> deliveredInLastSecond = new ArrayList<>();
    /** While resuming: the lines of {@link #lastSecond} still to be recognised as repeats, with their counts. */
    private Map<Seen, Integer> repeats = Map.of();
    private boolean resuming;

    /** The time to resume from, or null when nothing was delivered yet. */
    Instant resumeTime() {
        return lastSecond;
    }

    /** A new stream is about to repeat from {@link #resumeTime()}. */
    void resume() {
        resuming = true;
        repeats = new HashMap<>();
        deliveredInLastSecond.forEach(seen -> repeats.merge(seen, 1, Integer::sum));
    }

    /** Whether a line is new; a new one counts as delivered. */
    boolean accept(Instant time, String text) {
        Instant second = time.truncatedTo(ChronoUnit.SECONDS);
        if (resuming && lastSecond != null) {
            if (second.isBefore(lastSecond)) {
                return false;
            }
            if (second.equals(lastSecond)) {
                Seen seen = new Seen(time, text);
                Integer left = repeats.get(seen);
                if (left != null) {
                    if (left == 1) {
                        repeats.remove(seen);
                    } else {
                        repeats.put(seen, left - 1);
                    }
                    return false;
                }
            } else {
                resuming = false;
                repeats = Map.of();
            }
        }
        if (!second.equals(lastSecond)) {
            lastSecond = second;
            deliveredInLastSecond.clear();
        }
        // A fast log delivers tens of thousands of lines a second: appending is all the hot path does.
        deliveredInLastSecond.add(new Seen(time, text));
        return true;
    }
}

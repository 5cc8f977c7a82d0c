package dev.wheelhouse.service;

import dev.wheelhouse.model.LogLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Puts the lines of several streams (pods, containers) into one order by their timestamps. A line is held
 * until every open stream has reached its time (then nothing earlier can come from them), or for at most
 * {@code holdbackNanos}: a quiet stream delays the others only that long. A line that arrives later than that
 * with an older time than lines already released goes out as it comes (moving released lines is not possible).
 * Thread-safe: streams add from their own threads, one flusher drains.
 */
final class LogMerger {
    private final long holdbackNanos;
    private final PriorityQueue<Held> held = new PriorityQueue<>(
            Comparator.comparing((Held h) -> h.line.time()).thenComparingLong(h -> h.sequence));
    /** The latest time each open stream has reached; a stream with nothing yet has none. */
    private final Map<String, Instant> reached = new HashMap<>();
    private long sequence;

    LogMerger(long holdbackNanos) {
        this.holdbackNanos = holdbackNanos;
    }

    private record Held(LogLine line, long arrivedNanos, long sequence) {
    }

    /** A stream that will deliver lines: until it has, lines of others wait (at most the holdback). */
    synchronized void open(String stream) {
        reached.putIfAbsent(stream, null);
    }

    /** A stream that will deliver no more lines: it no longer holds the others back. */
    synchronized void close(String stream) {
        reached.remove(stream);
    }

    synchronized void add(String stream, LogLine line, long nowNanos) {
        Instant before = reached.get(stream);
        if (reached.containsKey(stream) && (before == null || line.time().isAfter(before))) {
            reached.put(stream, line.time());
        }
        held.add(new Held(line, nowNanos, sequence++));
    }

    /** A note (restart, pod joined) goes out in time order with the lines, held back by no stream. */
    synchronized void addNote(LogLine note, long nowNanos) {
        held.add(new Held(note, nowNanos - holdbackNanos, sequence++));
    }

    /** The lines that may go out now, in time order. */
    synchronized List<LogLine> drain(long nowNanos) {
        Instant cutoff = watermark();
        long expired = nowNanos - holdbackNanos;
        for (Held h : held) {
            if (h.arrivedNanos <= expired && (cutoff == null || h.line.time().isAfter(cutoff))) {
                cutoff = h.line.time();
            }
        }
        List<LogLine> out = new ArrayList<>();
        while (cutoff != null && !held.isEmpty() && !held.peek().line.time().isAfter(cutoff)) {
            out.add(held.poll().line);
        }
        return out;
    }

    /** The earliest time every open stream has reached, or null while one has reached none. */
    private Instant watermark() {
        Instant lowest = null;
        for (Instant time : reached.values()) {
            if (time == null) {
                return null;
            }
            lowest = lowest == null || time.isBefore(lowest) ? time : lowest;
        }
        return lowest == null ? Instant.MAX : lowest;
    }

    synchronized int heldCount() {
        return held.size();
    }
}

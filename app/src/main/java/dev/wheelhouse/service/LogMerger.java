package dev.wheelhouse.service;

import dev.wheelhouse.model.LogLine;
import java.time.Instant;
import java.util.ArrayDeque;
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
 * with an older time than lines already released goes out as it comes, and the log view puts it in its place.
 * Each stream keeps its own order (a log is written in order), so merging compares only the streams' first
 * lines: a fast log costs a queue append per line, not a sort.
 * Thread-safe: streams add from their own threads, one flusher drains.
 */
final class LogMerger {
    private static final Comparator<Held> BY_TIME = Comparator.comparing((Held h) -> h.line.time()).thenComparingLong(h -> h.sequence);

    private final long holdbackNanos;
    /** Every stream with lines held or still open, in no order. */
    private final Map<String, Stream> streams = new HashMap<>();
    /** Notes belong to no stream and come in any order. */
    private final PriorityQueue<Held> notes = new PriorityQueue<>(BY_TIME);
    private long sequence;

    LogMerger(long holdbackNanos) {
        this.holdbackNanos = holdbackNanos;
    }

    private record Held(LogLine line, long arrivedNanos, long sequence) {
    }

    private static final class Stream {
        final ArrayDeque<Held> held = new ArrayDeque<>();
        /** Whether it may deliver more lines, so holds the others back. */
        boolean open;
        /** The latest time it has reached; null while it has delivered nothing. */
        Instant reached;
    }

    /** A stream that will deliver lines: until it has, lines of others wait (at most the holdback). */
    synchronized void open(String stream) {
        streams.computeIfAbsent(stream, key -> new Stream()).open = true;
    }

    /** A stream that will deliver no more lines: it no longer holds the others back. */
    synchronized void close(String stream) {
        Stream closing = streams.get(stream);
        if (closing != null) {
            closing.open = false;
            closing.reached = null;
            if (closing.held.isEmpty()) {
                streams.remove(stream);
            }
        }
    }

    /** Several lines of one stream, in its order: one lock for all of them. */
    synchronized void addAll(String stream, List<LogLine> lines, long nowNanos) {
        for (LogLine line : lines) {
            addTo(stream, line, nowNanos);
        }
    }

    private void addTo(String stream, LogLine line, long nowNanos) {
        Stream to = streams.computeIfAbsent(stream, key -> new Stream());
        if (to.open && (to.reached == null || line.time().isAfter(to.reached))) {
            to.reached = line.time();
        }
        to.held.add(new Held(line, nowNanos, sequence++));
    }

    /** A note (restart, pod joined) goes out in time order with the lines, held back by no stream. */
    synchronized void addNote(LogLine note, long nowNanos) {
        notes.add(new Held(note, nowNanos - holdbackNanos, sequence++));
    }

    /** The lines that may go out now, in time order. */
    synchronized List<LogLine> drain(long nowNanos) {
        Instant cutoff = watermark();
        long expired = nowNanos - holdbackNanos;
        // Lines held past the holdback go out whatever the others reached, and with them all older lines.
        for (Stream stream : streams.values()) {
            for (Held h : stream.held) {
                if (h.arrivedNanos > expired) {
                    break;
                }
                cutoff = later(cutoff, h.line.time());
            }
        }
        for (Held h : notes) {
            if (h.arrivedNanos <= expired) {
                cutoff = later(cutoff, h.line.time());
            }
        }
        List<LogLine> out = new ArrayList<>();
        if (cutoff == null) {
            return out;
        }
        PriorityQueue<Stream> heads = new PriorityQueue<>(Comparator.comparing((Stream s) -> s.held.peek(), BY_TIME));
        for (Stream stream : streams.values()) {
            if (!stream.held.isEmpty()) {
                heads.add(stream);
            }
        }
        while (true) {
            Stream first = heads.peek();
            Held note = notes.peek();
            Held next = first == null ? note : note == null || BY_TIME.compare(first.held.peek(), note) < 0 ? first.held.peek() : note;
            if (next == null || next.line.time().isAfter(cutoff)) {
                break;
            }
            if (next == note) {
                out.add(notes.poll().line);
                continue;
            }
            heads.poll();
            out.add(first.held.poll().line);
            if (!first.held.isEmpty()) {
                heads.add(first);
            }
        }
        streams.values().removeIf(stream -> !stream.open && stream.held.isEmpty());
        return out;
    }

    private static Instant later(Instant cutoff, Instant time) {
        return cutoff == null || time.isAfter(cutoff) ? time : cutoff;
    }

    /** The earliest time every open stream has reached, or null while one has reached none. */
    private Instant watermark() {
        Instant lowest = null;
        for (Stream stream : streams.values()) {
            if (!stream.open) {
                continue;
            }
            if (stream.reached == null) {
                return null;
            }
            lowest = lowest == null || stream.reached.isBefore(lowest) ? stream.reached : lowest;
        }
        return lowest == null ? Instant.MAX : lowest;
    }

    synchronized int heldCount() {
        int count = notes.size();
        for (Stream stream : streams.values()) {
            count += stream.held.size();
        }
        return count;
    }
}

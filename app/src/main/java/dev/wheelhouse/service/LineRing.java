package dev.wheelhouse.service;

import java.util.ArrayList;
import java.util.List;

/**
 * The newest lines of a log, at most {@code capacity} of them: adding past the bound drops the oldest, so a
 * day-long tail holds as much memory as a minute-long one. Not thread-safe (the log view owns one).
 */
public final class LineRing<T> {
    /** The settings key of the bound, and its default. */
    public static final String MAX_LINES_SETTING = "logs.max-lines";
    public static final int DEFAULT_MAX_LINES = 100_000;

    private final Object[] items;
    private int head;
    private int size;
    private long dropped;

    public LineRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        items = new Object[capacity];
    }

    /** The bound from the settings ({@value #MAX_LINES_SETTING}), never less than 1,000 lines. */
    public static int capacityFrom(Settings settings) {
        return (int) Math.max(1_000, Math.min(Integer.MAX_VALUE - 8, settings.number(MAX_LINES_SETTING, DEFAULT_MAX_LINES)));
    }

    /** Appends the lines in order; returns those that fell out of the front to make room, oldest first. */
    public List<T> addAll(List<T> lines) {
        List<T> evicted = new ArrayList<>(Math.max(0, size + lines.size() - items.length));
        // Of more new lines than fit, the first ones would fall out at once: they count as evicted.
        int skip = Math.max(0, lines.size() - items.length);
        for (int i = 0; i < skip; i++) {
            evicted.add(lines.get(i));
        }
        for (int i = skip; i < lines.size(); i++) {
            if (size == items.length) {
                evicted.add(get(0));
                items[head] = lines.get(i);
                head = (head + 1) % items.length;
            } else {
                items[(head + size) % items.length] = lines.get(i);
                size++;
            }
        }
        dropped += evicted.size();
        return evicted;
    }

    @SuppressWarnings("unchecked")
    public T get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (T) items[(head + index) % items.length];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return items.length;
    }

    /** How many lines have been dropped from the front since the ring was made. */
    public long dropped() {
        return dropped;
    }

    /** The lines held, oldest first. */
    public List<T> toList() {
        List<T> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(get(i));
        }
        return all;
    }

    public void clear() {
        java.util.Arrays.fill(items, null);
        head = 0;
        size = 0;
    }
}

package dev.wheelhouse.service;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;

/**
 * The newest lines of a log, at most {@code capacity} of them and at most {@code maxWeight} in total weight
 * (characters, for log lines): adding past either bound drops the oldest, so a day-long tail holds as much
 * memory as a minute-long one, even when its lines are a megabyte each. Not thread-safe (the log view owns one).
 */
public final class LineRing<T> {
    /** The settings key of the bound, and its default. */
    public static final String MAX_LINES_SETTING = "logs.max-lines";
    public static final int DEFAULT_MAX_LINES = 100_000;

    /** 64 Mi characters (128 MiB of text): 100,000 lines of 670 characters, far more than logs usually have. */
    public static final long DEFAULT_MAX_CHARACTERS = 64L << 20;

    private final Object[] items;
    private final long maxWeight;
    private final ToIntFunction<T> weight;
    private int head;
    private int size;
    private long totalWeight;
    private long dropped;

    /** A ring bounded by its number of lines only. */
    public LineRing(int capacity) {
        this(capacity, Long.MAX_VALUE, line -> 0);
    }

    /** A ring bounded by its number of lines and by the sum of their weights (the newest line always stays). */
    public LineRing(int capacity, long maxWeight, ToIntFunction<T> weight) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        items = new Object[capacity];
        this.maxWeight = maxWeight;
        this.weight = weight;
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
                evicted.add(removeOldest());
            }
            T line = lines.get(i);
            items[(head + size) % items.length] = line;
            size++;
            totalWeight += weight.applyAsInt(line);
            while (totalWeight > maxWeight && size > 1) {
                evicted.add(removeOldest());
            }
        }
        dropped += evicted.size();
        return evicted;
    }

    /** Where a line belongs in this ring, kept in {@code order}: see {@link #positionAfter(List, Object, Comparator)}. */
    public int positionAfter(T line, Comparator<? super T> order) {
        return positionAfter(new AbstractList<T>() {
            @Override
            public T get(int index) {
                return LineRing.this.get(index);
            }

            @Override
            public int size() {
                return size;
            }
        }, line, order);
    }

    /**
     * Where a line belongs in lines kept in {@code order}: after every line not later than it, so lines of one
     * time keep the order they came in. Late lines belong near the end, so this is a binary search, not a scan.
     */
    public static <T> int positionAfter(List<? extends T> sorted, T line, Comparator<? super T> order) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (order.compare(sorted.get(middle), line) <= 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * Puts lines that came late, in {@code order} among themselves, where they belong among the held ones (after
     * lines of the same time): the held lines from the first late one's place on are merged with them in one
     * pass. Returns what fell out of the front to make room, oldest first: late lines too, when they would be
     * the oldest of a full ring.
     */
    public List<T> insertAll(List<T> late, Comparator<? super T> order) {
        if (late.isEmpty()) {
            return List.of();
        }
        int from = positionAfter(late.get(0), order);
        List<T> after = new ArrayList<>(size - from);
        while (size > from) {
            int last = (head + size - 1) % items.length;
            @SuppressWarnings("unchecked")
            T line = (T) items[last];
            items[last] = null;
            size--;
            totalWeight -= weight.applyAsInt(line);
            after.add(line);
        }
        Collections.reverse(after);
        return addAll(merge(after, late, order, at -> { }));
    }

    /**
     * Two lists, each in {@code order}, as one list in that order; of equal elements, {@code first}'s come first.
     * {@code secondAt} hears where each element of {@code second} went.
     */
    public static <T> List<T> merge(List<? extends T> first, List<? extends T> second, Comparator<? super T> order,
                                    IntConsumer secondAt) {
        List<T> merged = new ArrayList<>(first.size() + second.size());
        int i = 0;
        int j = 0;
        while (i < first.size() || j < second.size()) {
            if (j < second.size() && (i == first.size() || order.compare(second.get(j), first.get(i)) < 0)) {
                secondAt.accept(merged.size());
                merged.add(second.get(j++));
            } else {
                merged.add(first.get(i++));
            }
        }
        return merged;
    }

    @SuppressWarnings("unchecked")
    private T removeOldest() {
        T oldest = (T) items[head];
        items[head] = null;
        head = (head + 1) % items.length;
        size--;
        totalWeight -= weight.applyAsInt(oldest);
        return oldest;
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
        totalWeight = 0;
    }
}

package dev.wheelhouse.ui.logs;

import dev.wheelhouse.service.LineRing;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.collections.ObservableListBase;

/**
 * The lines a log view shows: an observable list that grows at its end and shrinks at its front, each in time
 * proportional to the lines that move, and takes lines that came late a little before its end. JavaFX's own
 * observable list removes a range one element at a time, shifting all the others each time, so dropping 2,000
 * old lines from 20,000 took tens of milliseconds on the UI thread. Changes are told to listeners (the list view,
 * its selection) as one range each, as usual.
 */
final class TailList<E> extends ObservableListBase<E> {
    /** A power of two, so that a position wraps with a mask. */
    private Object[] items = new Object[16];
    private int head;
    private int size;

    @Override
    @SuppressWarnings("unchecked")
    public E get(int index) {
        Objects.checkIndex(index, size);
        return (E) items[(head + index) & (items.length - 1)];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean addAll(Collection<? extends E> added) {
        if (added.isEmpty()) {
            return false;
        }
        int from = size;
        store(added);
        beginChange();
        nextAdd(from, size);
        endChange();
        return true;
    }

    /**
     * Merges elements that came late (in {@code order}) with those from {@code from} on (also in order; of equal
     * ones, those already here stay first). Listeners hear one change: an addition for each late element.
     */
    void mergeFrom(int from, List<? extends E> late, Comparator<? super E> order) {
        List<E> after = new ArrayList<>(subList(from, size));
        List<Integer> added = new ArrayList<>(late.size());
        List<E> merged = LineRing.merge(after, late, order, at -> added.add(from + at));
        makeRoomFor(from + merged.size());
        int at = from;
        for (E element : merged) {
            items[(head + at++) & (items.length - 1)] = element;
        }
        size = at;
        beginChange();
        added.forEach(index -> nextAdd(index, index + 1));
        endChange();
    }

    /** Removes the first {@code count} elements (all of them, if there are fewer). */
    void removeFirst(int count) {
        int removing = Math.min(count, size);
        if (removing <= 0) {
            return;
        }
        List<E> removed = new ArrayList<>(removing);
        for (int i = 0; i < removing; i++) {
            removed.add(get(0));
            items[head] = null;
            head = (head + 1) & (items.length - 1);
            size--;
        }
        beginChange();
        nextRemove(0, removed);
        endChange();
    }

    @Override
    public boolean setAll(Collection<? extends E> all) {
        List<E> removed = new ArrayList<>(this);
        items = new Object[capacityFor(all.size())];
        head = 0;
        size = 0;
        store(all);
        beginChange();
        if (removed.isEmpty()) {
            nextAdd(0, size);
        } else {
            nextReplace(0, size, removed);
        }
        endChange();
        return true;
    }

    @Override
    public void clear() {
        if (size > 0) {
            setAll(List.of());
        }
    }

    private void store(Collection<? extends E> added) {
        makeRoomFor(size + added.size());
        for (E element : added) {
            items[(head + size) & (items.length - 1)] = element;
            size++;
        }
    }

    private void makeRoomFor(int count) {
        if (count > items.length) {
            Object[] larger = new Object[capacityFor(count)];
            for (int i = 0; i < size; i++) {
                larger[i] = get(i);
            }
            items = larger;
            head = 0;
        }
    }

    private static int capacityFor(int count) {
        return Math.max(16, Integer.highestOneBit(Math.max(1, count - 1)) << 1);
    }
}

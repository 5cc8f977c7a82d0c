package dev.wheelhouse.kube;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unchangeable map of a few entries, in the order they were put, kept in one array of keys and values.
 * A table holds up to 100k rows, each with a handful of small metadata maps (the metadata itself, labels,
 * each owner reference): a {@link java.util.LinkedHashMap} costs an entry object of 40 bytes per key and a
 * table beside it, which was a quarter of the memory of such a row. Lookups scan the keys, as cheap as hashing
 * for so few.
 */
final class ArrayMap extends AbstractMap<String, Object> {
    /** Past this many entries a scan costs more than a hash lookup; larger maps stay LinkedHashMaps. */
    static final int MOST_ENTRIES = 16;

    /** Key, value, key, value... */
    private final Object[] keysAndValues;

    /** {@code keysAndValues} alternates keys and values, and is not changed afterwards. */
    private ArrayMap(Object[] keysAndValues) {
        this.keysAndValues = keysAndValues;
    }

    @Override
    public int size() {
        return keysAndValues.length / 2;
    }

    @Override
    public Object get(Object key) {
        int at = indexOf(key);
        return at < 0 ? null : keysAndValues[at + 1];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return ArrayMap.this.size();
            }

            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keysAndValues.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> entry = new SimpleImmutableEntry<>((String) keysAndValues[next], keysAndValues[next + 1]);
                        next += 2;
                        return entry;
                    }
                };
            }
        };
    }

    /** The map of these keys and values, alternating: an ArrayMap of a few, a LinkedHashMap of more. */
    static Map<String, Object> of(Object[] keysAndValues) {
        if (keysAndValues.length / 2 <= MOST_ENTRIES) {
            return new ArrayMap(keysAndValues);
        }
        Map<String, Object> map = new LinkedHashMap<>(keysAndValues.length * 2 / 3 + 1);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** For tests: whether {@code map} is held this compact way. */
    static boolean isCompact(Map<?, ?> map) {
        return map instanceof ArrayMap;
    }
}

package dev.wheelhouse.kube;

/**
 * Hands back an earlier equal string in place of a new one, so that the 100k rows of a big table share one
 * copy of each text they repeat: namespaces, label keys and values, owner kinds, node names, "Running",
 * "1/1", creation times. The JSON reader makes a new string for every key and value it reads; without this,
 * those copies were a third of a row's memory.
 * <p>
 * A fixed array of slots, each holding the last string whose hash led there: a string seen again soon is found,
 * and a unique one (a uid, a resourceVersion) only takes a slot until another needs it, so the cache never grows.
 * Shared by the threads that read lists without a lock: a slot holds an immutable string or null, and a lost
 * write only costs a copy.
 */
final class RecentStrings {
    /** Longer texts are rarely repeated (annotations, messages), and would keep more memory alive. */
    private static final int LONGEST = 64;

    private final String[] slots;

    /** {@code slots} must be a power of two. */
    RecentStrings(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("Not a power of two: " + slots);
        }
        this.slots = new String[slots];
    }

    String canonical(String text) {
        if (text.length() > LONGEST) {
            return text;
        }
        int hash = text.hashCode();
        int slot = (hash ^ (hash >>> 16)) & (slots.length - 1);
        String seen = slots[slot];
        if (seen != null && seen.hashCode() == hash && seen.equals(text)) {
            return seen;
        }
        slots[slot] = text;
        return text;
    }
}

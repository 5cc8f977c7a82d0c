package dev.wheelhouse.model;

/**
 * What to ask of a container's log, as kubectl logs' flags: {@code -c}, {@code -f}, {@code -p}, {@code --tail},
 * {@code --since}. Timestamps are always asked for (the view hides them): lines are ordered and resumed by them.
 *
 * @param container    one container's name, or null for every container of each pod
 * @param tailLines    the last lines to start with, or a negative number for the whole log
 * @param sinceSeconds only lines newer than this many seconds, or 0 for no limit
 */
public record LogOptions(String container, boolean follow, boolean previous, long tailLines, long sinceSeconds) {
    public static final LogOptions DEFAULT = new LogOptions(null, true, false, 1000, 0);

    public LogOptions {
        // A previous instance has ended: there is nothing to follow.
        follow = follow && !previous;
        container = container == null || container.isBlank() ? null : container;
    }
}

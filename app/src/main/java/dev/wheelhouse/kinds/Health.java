package dev.wheelhouse.kinds;

/** How a row's status reads at a glance; the table colours it. */
public enum Health {
    /** Running, ready, available. */
    GOOD,
    /** On its way or partly there: pending, progressing, fewer replicas ready than wanted. */
    PROGRESSING,
    /** Failed, crashing, not ready, lost. */
    BAD,
    /** Nothing to judge (a ConfigMap) or done (a completed Job). */
    NEUTRAL
}

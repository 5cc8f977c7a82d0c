package dev.wheelhouse.service;

import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;

/**
 * Classroom read-only mode: while it is on, nothing Wheelhouse does changes a cluster (delete, scale, restart,
 * cordon; later apply). One per {@link ClusterService}, shared by all its sessions, so switching it applies at
 * once everywhere. Every changing action asks {@link #check} first: the UI greys its buttons, and this is the
 * guard that holds even when a button was missed.
 */
public final class ReadOnlyMode {
    /** Why changing actions are refused, in words for the user. */
    public static final String REASON = "Read-only mode is on (a classroom setting): Wheelhouse does not change the cluster. "
            + "Start it without --read-only and set classroom.read-only to false in the settings to allow changes.";

    private volatile boolean on;

    public boolean isOn() {
        return on;
    }

    public void set(boolean readOnly) {
        on = readOnly;
    }

    /**
     * Throws, with the reason, if read-only mode is on.
     *
     * @param action what was asked, as the refusal names it ("Delete Pod dev/web")
     */
    public void check(String action) throws ProblemException {
        if (on) {
            throw new ProblemException(new Problem(Problem.Kind.FORBIDDEN, action + " refused. " + REASON, ""), null);
        }
    }
}

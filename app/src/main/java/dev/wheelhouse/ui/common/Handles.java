package dev.wheelhouse.ui.common;

/** Closing the handles views hold: watches and sessions. */
public final class Handles {
    private Handles() {
    }

    /** Closes a handle, if any. Closing only stops threads and sockets: a failure there is nothing the user could act on. */
    public static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception ignored) {
            // See above.
        }
    }
}

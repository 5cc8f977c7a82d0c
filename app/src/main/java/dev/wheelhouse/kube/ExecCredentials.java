package dev.wheelhouse.kube;

import java.time.Clock;
import java.time.Duration;

/**
 * The credential of one connection's plugin, shared by all its HTTP clients: the plugin runs when a request
 * needs a credential and there is none, it has expired, or the server rejected it (401), and at no other time.
 */
final class ExecCredentials {
    private final ExecPlugin plugin;
    private final Clock clock;
    private final LoginShell paths;
    private final Duration timeout;
    private ExecCredential current;

    /** {@code paths} finds the command and gives it its environment; {@code timeout} limits each run. */
    ExecCredentials(ExecPlugin plugin, Clock clock, LoginShell paths, Duration timeout) {
        this.plugin = plugin;
        this.clock = clock;
        this.paths = paths;
        this.timeout = timeout;
    }

    /** The credential to use now, running the plugin first if needed (blocking every caller meanwhile). */
    synchronized ExecCredential current() throws ExecPluginException {
        if (current == null || current.expiredAt(clock.instant())) {
            current = null;
            current = plugin.run(paths, timeout);
        }
        return current;
    }

    /** The server answered 401 to {@code rejected}: the next request gets a fresh one, unless one came already. */
    synchronized void rejected(ExecCredential rejected) {
        if (current == rejected) {
            current = null;
        }
    }
}

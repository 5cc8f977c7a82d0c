package dev.wheelhouse.kube;

import java.io.IOException;

/**
 * A credential plugin (a kubeconfig user's {@code exec}) that did not hand out a credential. An IOException
 * so that it can leave an HTTP interceptor. The message names the command and its exit code; the detail is
 * the end of what it wrote to stderr. Neither ever holds what it wrote to stdout, where credentials are.
 */
public final class ExecPluginException extends IOException {
    private final String detail;
    private final boolean timedOut;

    ExecPluginException(String message, String detail) {
        this(message, detail, false);
    }

    private ExecPluginException(String message, String detail, boolean timedOut) {
        super(message);
        this.detail = detail;
        this.timedOut = timedOut;
    }

    /** The plugin ran past its time limit (a login nobody finished, say): a timeout, not rejected credentials. */
    static ExecPluginException timedOut(String message, String detail) {
        return new ExecPluginException(message, detail, true);
    }

    public boolean isTimedOut() {
        return timedOut;
    }

    /** The last lines the plugin wrote to stderr, or "". */
    public String detail() {
        return detail;
    }
}

package dev.wheelhouse.kube;

import dev.wheelhouse.model.Problem;
import io.kubernetes.client.openapi.ApiException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * Turns what the client library throws into a {@link Problem} a person can act on.
 * Messages carry the server's address and the server's own words, never tokens or keys.
 */
public final class KubeFailures {
    private KubeFailures() {
    }

    public static Problem toProblem(Throwable failure, String server) {
        Throwable cause = unwrap(failure);
        if (cause instanceof KubeconfigException) {
            return new Problem(Problem.Kind.BAD_CONFIG, cause.getMessage(), "");
        }
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof ExecPluginException plugin) {
                return new Problem(plugin.isTimedOut() ? Problem.Kind.TIMEOUT : Problem.Kind.UNAUTHORIZED,
                        plugin.getMessage(), plugin.detail());
            }
            if (c instanceof ApiException api && api.getCode() > 0) {
                return fromStatus(api.getCode(), body(api), server);
            }
            if (c instanceof ConnectException || c instanceof NoRouteToHostException) {
                return new Problem(Problem.Kind.UNREACHABLE, "Nothing answers at " + server + ".", c.getMessage());
            }
            if (c instanceof UnknownHostException) {
                return new Problem(Problem.Kind.UNREACHABLE, "The host of " + server + " is not known.", c.getMessage());
            }
            if (c instanceof SocketTimeoutException || c instanceof InterruptedIOException) {
                return new Problem(Problem.Kind.TIMEOUT, server + " did not answer in time.", c.getMessage());
            }
            if (c instanceof SSLException) {
                return new Problem(Problem.Kind.FAILED, "The TLS handshake with " + server + " failed.", c.getMessage());
            }
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Problem(Problem.Kind.FAILED, "The request to " + server + " failed: " + message, "");
    }

    /** The HTTP status the server answered with, or 0 when it did not answer (refused, timed out, cut off). */
    public static int statusCode(Throwable failure) {
        for (Throwable c = unwrap(failure); c != null; c = c.getCause()) {
            if (c instanceof ApiException api && api.getCode() > 0) {
                return api.getCode();
            }
        }
        return 0;
    }

    /** A problem for an HTTP status the server returned; {@code body} is its Status object. */
    public static Problem fromStatus(int code, String body, String server) {
        String detail = StatusMessage.of(body);
        return switch (code) {
            case 401 -> new Problem(Problem.Kind.UNAUTHORIZED,
                    server + " did not accept the credentials of this context (401 Unauthorized).", detail);
            case 403 -> new Problem(Problem.Kind.FORBIDDEN, "No access: " + orDefault(detail, "RBAC forbids this request."), detail);
            case 404 -> new Problem(Problem.Kind.NOT_FOUND, orDefault(detail, "Not found."), detail);
            case 408, 504 -> new Problem(Problem.Kind.TIMEOUT, server + " timed out (" + code + ").", detail);
            default -> new Problem(Problem.Kind.FAILED, "The server answered " + code + ": " + orDefault(detail, "no message"), detail);
        };
    }

    /** The Status body; generic-API errors carry the server's message as the exception message instead. */
    private static String body(ApiException api) {
        String body = api.getResponseBody();
        return body == null || body.isBlank() ? api.getMessage() : body;
    }

    private static String orDefault(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}

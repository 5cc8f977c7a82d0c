package dev.wheelhouse.model;

/**
 * Why something the user asked for did not happen, in words fit to show inline.
 * {@code detail} is the server's or the system's own message, never a credential.
 */
public record Problem(Kind kind, String message, String detail) {

    public enum Kind {
        /** Nothing answered at the server's address. */
        UNREACHABLE,
        /** The server did not answer in time. */
        TIMEOUT,
        /** The server did not accept the credentials (HTTP 401). */
        UNAUTHORIZED,
        /** The credentials are fine but RBAC does not allow this (HTTP 403). */
        FORBIDDEN,
        NOT_FOUND,
        /** The kubeconfig itself is broken or incomplete. */
        BAD_CONFIG,
        /** Anything else the server or the client reported. */
        FAILED
    }
}

package dev.wheelhouse.service;

/** Where a log tail is: what its tab says. */
public enum LogState {
    /** The first requests are on their way, or no pod has started a container yet. */
    WAITING,
    STREAMING,
    /** A stream dropped (network, API server restart) and is being opened again from its last line. */
    RECONNECTING,
    /** Every stream is over: not following, the containers stopped, or the pods are gone. */
    ENDED,
    /** The server refused the log (the reason says why); nothing is being retried. */
    ERROR
}

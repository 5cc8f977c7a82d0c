package dev.wheelhouse.model;

/** What the status bar says about a connected cluster. */
public record ClusterInfo(ContextInfo context, String serverVersion) {
}

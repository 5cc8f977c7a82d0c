package dev.wheelhouse.ui.cluster;

/** Where the window stands with the chosen context. */
public enum ConnectionState {
    NO_CONTEXT("No context"),
    CONNECTING("Connecting…"),
    CONNECTED("Connected"),
    FAILED("Not connected");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

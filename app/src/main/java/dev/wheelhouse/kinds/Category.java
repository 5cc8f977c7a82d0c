package dev.wheelhouse.kinds;

/** The navigator's groups, in the order it shows them. */
public enum Category {
    WORKLOADS("Workloads"),
    NETWORK("Network"),
    CONFIG("Config"),
    STORAGE("Storage"),
    ACCESS("Access"),
    CLUSTER("Cluster"),
    CUSTOM("Custom Resources");

    private final String title;

    Category(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}

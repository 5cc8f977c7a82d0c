package dev.wheelhouse.model;

/**
 * Where a kind lives in the API: {@code group} is "" for the core group (Pods, Services...).
 */
public record ResourceType(String group, String version, String plural, String kind, boolean namespaced) {

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The name kubectl accepts, e.g. {@code deployments.apps} or {@code pods}. */
    public String qualifiedPlural() {
        return group.isEmpty() ? plural : plural + "." + group;
    }
}

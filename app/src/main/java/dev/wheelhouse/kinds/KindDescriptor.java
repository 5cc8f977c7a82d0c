package dev.wheelhouse.kinds;

import dev.wheelhouse.model.ResourceType;
import java.util.List;
import java.util.Set;

/**
 * Everything Wheelhouse knows about one kind, in one place: where it lives in the API, where it
 * sits in the navigator, the columns of its table, what can be done with it, and its learning text.
 *
 * @param category       the navigator group, e.g. "Workloads"
 * @param columns        the table's columns after Name (and Namespace, for namespaced kinds)
 * @param learningTopic  the name of its text under {@code learning/} in ui-resources
 */
public record KindDescriptor(ResourceType type, String category, List<Column> columns,
                             Set<Capability> capabilities, String learningTopic) {

    public enum Capability { LOGGABLE, SCALABLE, RESTARTABLE, PORT_FORWARDABLE, CORDONABLE }

    public String kind() {
        return type.kind();
    }

    /** The plural shown in the navigator, e.g. "Deployments". */
    public String title() {
        String plural = type.plural();
        return Character.toUpperCase(plural.charAt(0)) + plural.substring(1);
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }
}

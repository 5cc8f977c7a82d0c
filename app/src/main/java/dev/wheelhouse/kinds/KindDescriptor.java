package dev.wheelhouse.kinds;

import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ResourceType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What Wheelhouse knows about one kind beyond what the API server prints: where it lives in the API,
 * where it sits in the navigator, the health of a table row (read from the cells the server printed for it,
 * see {@link KubeObject#cell}), its own details, the kinds it owns (for owner chains in the tree), what can be
 * done with it, and its learning text. Table columns are not here: every table shows the server's own
 * printing, as {@code kubectl get -o wide} does. Built-in kinds each have a small class in
 * {@code kinds.builtin}; CRDs get a plain descriptor from discovery.
 */
public record KindDescriptor(ResourceType type, Category category,
                             Function<KubeObject, Health> health, List<Detail> details, List<String> ownedKinds,
                             Set<Capability> capabilities, String learningTopic) {

    public enum Capability { LOGGABLE, SCALABLE, RESTARTABLE, PORT_FORWARDABLE, CORDONABLE }

    public String kind() {
        return type.kind();
    }

    /** The plural shown in the navigator, e.g. "Deployments", "HorizontalPodAutoscalers". */
    public String title() {
        return type.kind().endsWith("s") ? type.kind() + "es"
                : type.kind().endsWith("y") ? type.kind().substring(0, type.kind().length() - 1) + "ies"
                : type.kind() + "s";
    }

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }

    public static Builder builder(String group, String version, String plural, String kind) {
        return new Builder(group, version, plural, kind);
    }

    /** Builds a descriptor: {@code builder(...).namespaced().category(...).health(...).build()}. */
    public static final class Builder {
        private final String group;
        private final String version;
        private final String plural;
        private final String kind;
        private boolean namespaced;
        private Category category = Category.CUSTOM;
        private Function<KubeObject, Health> health = o -> Health.NEUTRAL;
        private final List<Detail> details = new ArrayList<>();
        private final List<String> owned = new ArrayList<>();
        private final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private String learningTopic = "";

        private Builder(String group, String version, String plural, String kind) {
            this.group = group;
            this.version = version;
            this.plural = plural;
            this.kind = kind;
        }

        public Builder namespaced() {
            namespaced = true;
            return this;
        }

        public Builder category(Category value) {
            category = value;
            return this;
        }

        /** The health of a table row, from its printed cells (e.g. {@code o.cell("Status")}). */
        public Builder health(Function<KubeObject, Health> value) {
            health = value;
            return this;
        }

        public Builder detail(String label, Function<KubeObject, String> value) {
            details.add(new Detail(label, value));
            return this;
        }

        /** Kinds whose objects name this one as owner: Deployment owns ReplicaSet, and so on. */
        public Builder owns(String... kinds) {
            owned.addAll(List.of(kinds));
            return this;
        }

        public Builder can(Capability... values) {
            capabilities.addAll(List.of(values));
            return this;
        }

        public Builder learning(String topic) {
            learningTopic = topic;
            return this;
        }

        public KindDescriptor build() {
            return new KindDescriptor(new ResourceType(group, version, plural, kind, namespaced), category,
                    health, List.copyOf(details), List.copyOf(owned),
                    capabilities.isEmpty() ? Set.of() : EnumSet.copyOf(capabilities), learningTopic);
        }
    }
}

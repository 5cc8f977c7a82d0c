package dev.wheelhouse.ui.switcher;

import dev.wheelhouse.kinds.Category;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;

/**
 * Something the quick switcher can jump to: a context, a namespace, a kind, or one object (by
 * kind, namespace and name; with the object itself when it is already loaded). {@code SEARCH} is
 * the row that asks for the objects of all kinds. Objects of cluster-wide kinds have no namespace.
 */
public record Candidate(Type type, String name, KindDescriptor kind, String namespace, KubeObject object) {

    public enum Type { CONTEXT, NAMESPACE, KIND, OBJECT, SEARCH }

    public static Candidate context(String name) {
        return new Candidate(Type.CONTEXT, name, null, null, null);
    }

    public static Candidate namespace(String name) {
        return new Candidate(Type.NAMESPACE, name, null, name, null);
    }

    public static Candidate kind(KindDescriptor kind) {
        return new Candidate(Type.KIND, kind.title(), kind, null, null);
    }

    /** An object; {@code loaded} may be null when only its name is known (found by a search). */
    public static Candidate object(KindDescriptor kind, String namespace, String name, KubeObject loaded) {
        return new Candidate(Type.OBJECT, name, kind, namespace == null || namespace.isEmpty() ? null : namespace, loaded);
    }

    static Candidate searchAllKinds(String query) {
        return new Candidate(Type.SEARCH, "Search all kinds for '" + query.strip() + "'", null, null, null);
    }

    /** What the row says beside the name: what it is, and where. */
    public String detail() {
        return switch (type) {
            case CONTEXT -> "Context";
            case NAMESPACE -> "Namespace";
            case KIND -> kind.category() == Category.CUSTOM ? "Kind · " + kind.type().group() : "Kind";
            case OBJECT -> kind.kind() + (namespace == null ? "" : " · " + namespace);
            case SEARCH -> "fetches names once, not watched";
        };
    }

    /** The same for the same thing, whether it was loaded or found by a search. */
    String key() {
        return type + "|" + (kind == null ? "" : kind.type().qualifiedPlural()) + "|" + namespace + "|" + name;
    }
}

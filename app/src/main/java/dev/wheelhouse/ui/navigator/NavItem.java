package dev.wheelhouse.ui.navigator;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.model.KubeObject;

/**
 * One row of the navigator tree. {@code namespace} null means all namespaces;
 * {@code kind} is set on kind and object rows, {@code object} on object rows.
 */
public record NavItem(Type type, String context, String namespace, KindDescriptor kind, KubeObject object, String label) {

    public enum Type { CONTEXT, NAMESPACE, CATEGORY, GROUP, KIND, OBJECT, MESSAGE }

    static NavItem context(String name) {
        return new NavItem(Type.CONTEXT, name, null, null, null, name);
    }

    static NavItem namespace(String context, String namespace) {
        return new NavItem(Type.NAMESPACE, context, namespace, null, null, namespace == null ? "All namespaces" : namespace);
    }

    static NavItem category(NavItem parent, String title) {
        return new NavItem(Type.CATEGORY, parent.context(), parent.namespace(), null, null, title);
    }

    static NavItem group(NavItem parent, String apiGroup) {
        return new NavItem(Type.GROUP, parent.context(), parent.namespace(), null, null, apiGroup);
    }

    static NavItem kind(NavItem parent, KindDescriptor kind) {
        return new NavItem(Type.KIND, parent.context(), parent.namespace(), kind, null, kind.title());
    }

    static NavItem object(NavItem parent, KindDescriptor kind, KubeObject object, boolean showNamespace) {
        String label = showNamespace && !object.namespace().isEmpty() ? object.namespace() + "/" + object.name() : object.name();
        return new NavItem(Type.OBJECT, parent.context(), parent.namespace(), kind, object, label);
    }

    static NavItem message(String context, String text) {
        return new NavItem(Type.MESSAGE, context, null, null, null, text);
    }

    @Override
    public String toString() {
        return label;
    }
}

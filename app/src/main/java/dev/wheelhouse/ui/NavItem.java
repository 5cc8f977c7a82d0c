package dev.wheelhouse.ui;

/** One row of the navigator tree. */
public record NavItem(Type type, String context, String label) {

    public enum Type { CONTEXT, NAMESPACE, MESSAGE }

    static NavItem context(String name) {
        return new NavItem(Type.CONTEXT, name, name);
    }

    static NavItem namespace(String context, String name) {
        return new NavItem(Type.NAMESPACE, context, name);
    }

    static NavItem message(String context, String text) {
        return new NavItem(Type.MESSAGE, context, text);
    }

    @Override
    public String toString() {
        return label;
    }
}

package dev.wheelhouse.model;

/**
 * One column of a table as the API server prints it for kubectl ({@code columnDefinitions} of a
 * {@code meta.k8s.io/v1} Table). {@code type} is an OpenAPI type ({@code string}, {@code integer},
 * {@code number}, {@code boolean}, {@code date}); {@code format} is {@code name} for the object's name column;
 * {@code priority} 0 columns are what {@code kubectl get} prints, higher ones are added by {@code -o wide}.
 */
public record PrintedColumn(String name, String type, String format, int priority, String description) {

    /** The object's own name, which the app shows in a column of its own. */
    public boolean isName() {
        return "name".equals(format);
    }
}

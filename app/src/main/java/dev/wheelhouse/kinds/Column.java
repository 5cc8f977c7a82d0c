package dev.wheelhouse.kinds;

import dev.wheelhouse.model.KubeObject;
import java.util.Comparator;
import java.util.function.Function;

/**
 * One column of a kind's table: a title, how to read the cell from an object, and how to sort it.
 * Cells are plain text so that tables stay cheap with thousands of rows. {@code order} is null for
 * columns sorted by their text (the table compares the cells it already has).
 */
public record Column(String title, Function<KubeObject, String> cell, Comparator<KubeObject> order) {

    /** A column sorted by its text. */
    public static Column text(String title, Function<KubeObject, String> cell) {
        return new Column(title, cell, null);
    }

    /** A column sorted by a number read from the object, e.g. restarts. */
    public static Column numeric(String title, Function<KubeObject, String> cell, Function<KubeObject, Long> key) {
        return new Column(title, cell, Comparator.comparing(key));
    }
}

package dev.wheelhouse.model;

import java.util.List;

/**
 * The cells the API server printed for one object, as text, beside the columns they belong to.
 * Every row of one list shares the same {@code columns} list, so a row costs only its values.
 */
public record PrintedCells(List<PrintedColumn> columns, List<String> values) {
    public static final PrintedCells NONE = new PrintedCells(List.of(), List.of());

    /** The cell under the column of this name (as the server spells it, e.g. "Status"), or "" if there is none. */
    public String get(String columnName) {
        for (int i = 0; i < columns.size() && i < values.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return values.get(i);
            }
        }
        return "";
    }
}

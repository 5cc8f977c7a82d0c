package dev.wheelhouse.model;

import java.util.List;

/**
 * A table as the API server prints it ({@code Accept: application/json;as=Table}), used for kinds
 * Wheelhouse has no columns of its own for, such as custom resources. The first column is Name.
 */
public record ServerTable(List<String> columns, List<Row> rows) {

    public record Row(String uid, String name, String namespace, List<String> cells) {
    }
}

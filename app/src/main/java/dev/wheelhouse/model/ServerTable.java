package dev.wheelhouse.model;

import java.util.List;

/**
 * A table as the API server prints it ({@code Accept: application/json;as=Table}), fetched once, for a
 * search of names across kinds. Live tables watch rows instead (see {@link PrintedCells}).
 */
public record ServerTable(List<String> columns, List<Row> rows) {

    public record Row(String uid, String name, String namespace, List<String> cells) {
    }
}

package dev.wheelhouse.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedCells;
import dev.wheelhouse.model.PrintedColumn;
import dev.wheelhouse.model.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Lists and watches the table the API server prints for kubectl ({@code as=Table}), with each row's object
 * metadata ({@code includeObject=Metadata}: uid, name, namespace, labels, owners, creation time), and nothing
 * else of the object: a Secret's values never travel. The server sends the column definitions with the
 * list and with the first event of a watch; rows between them are read against the latest ones.
 * Each row becomes a {@link KubeObject} of the listed kind holding only its metadata, with the printed cells.
 */
final class TableRows implements WatchDecoding {
    static final String TABLE = "application/json;as=Table;g=meta.k8s.io;v=v1";

    private final ResourceType type;
    /** Written and read only by the watch's loop thread. */
    private List<PrintedColumn> columns = List.of();

    TableRows(ResourceType type) {
        this.type = type;
    }

    @Override
    public String accept() {
        return TABLE;
    }

    @Override
    public Map<String, String> query() {
        return Map.of("includeObject", "Metadata");
    }

    @Override
    public List<PrintedColumn> columns(JsonObject table) {
        if (table.has("columnDefinitions") && table.get("columnDefinitions").isJsonArray()) {
            List<PrintedColumn> read = new ArrayList<>();
            for (JsonElement definition : table.getAsJsonArray("columnDefinitions")) {
                JsonObject column = definition.getAsJsonObject();
                read.add(new PrintedColumn(text(column, "name"), text(column, "type"), text(column, "format"),
                        column.has("priority") ? column.get("priority").getAsInt() : 0, text(column, "description")));
            }
            if (!read.equals(columns)) {
                columns = List.copyOf(read);
            }
        }
        return columns;
    }

    @Override
    public List<KubeObject> listItems(JsonObject page) {
        columns(page);
        List<KubeObject> rows = new ArrayList<>();
        if (page.has("rows") && page.get("rows").isJsonArray()) {
            for (JsonElement row : page.getAsJsonArray("rows")) {
                rows.add(row(row.getAsJsonObject()));
            }
        }
        return rows;
    }

    /**
     * The rows of a Table without objects of one namespace (see {@link QuickRows}): each stands in for its
     * object with only a name, the namespace and a made-up uid.
     */
    List<KubeObject> quickRows(JsonObject table, String namespace) {
        List<PrintedColumn> printed = columns(table);
        int nameAt = 0;
        for (int i = 0; i < printed.size(); i++) {
            if (printed.get(i).format().equals("name")) {
                nameAt = i;
                break;
            }
        }
        List<KubeObject> rows = new ArrayList<>();
        if (table.has("rows") && table.get("rows").isJsonArray()) {
            for (JsonElement element : table.getAsJsonArray("rows")) {
                JsonObject row = element.getAsJsonObject();
                String name = row.getAsJsonArray("cells").get(nameAt).getAsString();
                JsonObject metadata = new JsonObject();
                metadata.addProperty("name", name);
                if (!namespace.isEmpty()) {
                    metadata.addProperty("namespace", namespace);
                }
                metadata.addProperty("uid", KubeObject.standInUid(namespace, name));
                JsonObject object = new JsonObject();
                object.add("metadata", metadata);
                row.add("object", object);
                rows.add(row(row));
            }
        }
        return rows;
    }

    /** A watch event's object is a Table of one row. */
    @Override
    public KubeObject eventItem(JsonObject table) {
        List<KubeObject> rows = listItems(table);
        if (rows.size() != 1) {
            throw new IllegalStateException("A watch event of a table carried " + rows.size() + " rows");
        }
        return rows.get(0);
    }

    private KubeObject row(JsonObject row) {
        List<String> cells = new ArrayList<>();
        JsonArray printed = row.has("cells") && row.get("cells").isJsonArray() ? row.getAsJsonArray("cells") : new JsonArray();
        for (JsonElement cell : printed) {
            cells.add(cell.isJsonNull() ? "" : cell.isJsonPrimitive() ? KubeObject.text(JsonMaps.scalar(cell.getAsJsonPrimitive())) : cell.toString());
        }
        JsonObject object = row.has("object") && row.get("object").isJsonObject() ? row.getAsJsonObject("object") : new JsonObject();
        // The row's object is a PartialObjectMetadata; it stands for an object of the listed kind.
        object.addProperty("kind", type.kind());
        object.addProperty("apiVersion", type.apiVersion());
        return JsonMaps.toObject(JsonMaps.trimmed(object), new PrintedCells(columns, List.copyOf(cells)));
    }

    private static String text(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : "";
    }
}

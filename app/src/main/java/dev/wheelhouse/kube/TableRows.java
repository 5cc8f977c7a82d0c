package dev.wheelhouse.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedCells;
import dev.wheelhouse.model.PrintedColumn;
import dev.wheelhouse.model.ResourceType;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lists and watches the table the API server prints for kubectl ({@code as=Table}), with each row's object
 * metadata ({@code includeObject=Metadata}: uid, name, namespace, labels, owners, creation time), and nothing
 * else of the object: a Secret's values never travel. The server sends the column definitions with the
 * list and with the first event of a watch; rows between them are read against the latest ones.
 * Each row becomes a {@link KubeObject} of the listed kind holding only its metadata, with the printed cells,
 * held compactly ({@link CompactJson}): a table may have 100k rows. Pages are read as they stream in.
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
            declared(read);
        }
        return columns;
    }

    private void declared(List<PrintedColumn> read) {
        if (!read.equals(columns)) {
            columns = List.copyOf(read);
        }
    }

    @Override
    public ListPage readPage(Reader body) throws IOException {
        Table table = Table.read(new JsonReader(body));
        table.columns.ifPresent(this::declared);
        List<KubeObject> rows = new ArrayList<>(table.rows.size());
        for (Row row : table.rows) {
            rows.add(new KubeObject(asListedKind(row.object), new PrintedCells(columns, row.cells)));
        }
        return new ListPage(rows, table.columns.map(declared -> columns), table.resourceVersion, table.continueToken,
                table.remainingItemCount);
    }

    /**
     * The rows of a Table without objects of one namespace (see {@link QuickRows}): each stands in for its
     * object with only a name, the namespace and a made-up uid.
     */
    List<KubeObject> quickRows(Reader body, String namespace) throws IOException {
        Table table = Table.read(new JsonReader(body));
        table.columns.ifPresent(this::declared);
        int nameAt = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).format().equals("name")) {
                nameAt = i;
                break;
            }
        }
        String shownNamespace = CompactJson.shared(namespace);
        List<KubeObject> rows = new ArrayList<>(table.rows.size());
        for (Row row : table.rows) {
            String name = nameAt < row.cells.size() ? row.cells.get(nameAt) : "";
            Map<String, Object> metadata = namespace.isEmpty()
                    ? ArrayMap.of(new Object[] {"name", name, "uid", KubeObject.standInUid(namespace, name)})
                    : ArrayMap.of(new Object[] {"name", name, "namespace", shownNamespace, "uid", KubeObject.standInUid(namespace, name)});
            Map<String, Object> object = ArrayMap.of(new Object[] {"kind", type.kind(), "apiVersion", type.apiVersion(), "metadata", metadata});
            rows.add(new KubeObject(object, new PrintedCells(columns, row.cells)));
        }
        return rows;
    }

    /** A watch event's object is a Table of one row. */
    @Override
    public KubeObject eventItem(JsonObject table) {
        columns(table);
        JsonArray rows = table.has("rows") && table.get("rows").isJsonArray() ? table.getAsJsonArray("rows") : new JsonArray();
        if (rows.size() != 1) {
            throw new IllegalStateException("A watch event of a table carried " + rows.size() + " rows");
        }
        JsonObject row = rows.get(0).getAsJsonObject();
        List<String> cells = new ArrayList<>();
        JsonArray printed = row.has("cells") && row.get("cells").isJsonArray() ? row.getAsJsonArray("cells") : new JsonArray();
        for (JsonElement cell : printed) {
            cells.add(CompactJson.shared(cell.isJsonNull() ? "" : cell.isJsonPrimitive() ? KubeObject.text(JsonMaps.scalar(cell.getAsJsonPrimitive())) : cell.toString()));
        }
        JsonObject object = row.has("object") && row.get("object").isJsonObject() ? row.getAsJsonObject("object") : new JsonObject();
        return new KubeObject(asListedKind(JsonMaps.compactMap(JsonMaps.trimmed(object))), new PrintedCells(columns, List.copyOf(cells)));
    }

    /** The row's object is a PartialObjectMetadata; it stands for an object of the listed kind. */
    private Map<String, Object> asListedKind(Map<String, Object> object) {
        List<Object> keysAndValues = new ArrayList<>(object.size() * 2 + 4);
        keysAndValues.add("kind");
        keysAndValues.add(type.kind());
        keysAndValues.add("apiVersion");
        keysAndValues.add(type.apiVersion());
        object.forEach((key, value) -> {
            if (!key.equals("kind") && !key.equals("apiVersion")) {
                keysAndValues.add(key);
                keysAndValues.add(value);
            }
        });
        return ArrayMap.of(keysAndValues.toArray());
    }

    private static String text(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : "";
    }

    /** A table's row as read: its cells as text and its object (empty when the server sent none). */
    private record Row(List<String> cells, Map<String, Object> object) {
    }

    /** A Table response as read from its stream, in whatever order its fields come. */
    private record Table(Optional<List<PrintedColumn>> columns, List<Row> rows, String resourceVersion,
                         String continueToken, long remainingItemCount) {
        static Table read(JsonReader reader) throws IOException {
            Optional<List<PrintedColumn>> columns = Optional.empty();
            List<Row> rows = new ArrayList<>();
            Map<String, Object> list = Map.of();
            reader.beginObject();
            while (reader.hasNext()) {
                String field = reader.nextName();
                if (reader.peek() == JsonToken.NULL) {
                    reader.nextNull();
                    continue;
                }
                switch (field) {
                    case "columnDefinitions" -> columns = Optional.of(readColumns(reader));
                    case "rows" -> {
                        reader.beginArray();
                        while (reader.hasNext()) {
                            rows.add(readRow(reader));
                        }
                        reader.endArray();
                    }
                    case "metadata" -> list = asMap(CompactJson.read(reader));
                    default -> reader.skipValue();
                }
            }
            reader.endObject();
            Object remaining = list.get("remainingItemCount");
            return new Table(columns, rows, KubeObject.text(list.get("resourceVersion")), KubeObject.text(list.get("continue")),
                    remaining instanceof Number count ? count.longValue() : -1);
        }

        private static List<PrintedColumn> readColumns(JsonReader reader) throws IOException {
            List<PrintedColumn> read = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
                Map<String, Object> column = asMap(CompactJson.read(reader));
                read.add(new PrintedColumn(KubeObject.text(column.get("name")), KubeObject.text(column.get("type")),
                        KubeObject.text(column.get("format")), column.get("priority") instanceof Number priority ? priority.intValue() : 0,
                        KubeObject.text(column.get("description"))));
            }
            reader.endArray();
            return read;
        }

        private static Row readRow(JsonReader reader) throws IOException {
            List<String> cells = List.of();
            Map<String, Object> object = Map.of();
            reader.beginObject();
            while (reader.hasNext()) {
                String field = reader.nextName();
                if (field.equals("cells") && reader.peek() == JsonToken.BEGIN_ARRAY) {
                    cells = readCells(reader);
                } else if (field.equals("object") && reader.peek() == JsonToken.BEGIN_OBJECT) {
                    object = asMap(CompactJson.read(reader));
                } else {
                    reader.skipValue();
                }
            }
            reader.endObject();
            return new Row(cells, object);
        }

        private static List<String> readCells(JsonReader reader) throws IOException {
            List<String> cells = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
                cells.add(CompactJson.shared(switch (reader.peek()) {
                    case STRING -> reader.nextString();
                    case NUMBER -> KubeObject.text(JsonMaps.number(reader.nextString()));
                    case BOOLEAN -> Boolean.toString(reader.nextBoolean());
                    case NULL -> {
                        reader.nextNull();
                        yield "";
                    }
                    // A cell holding an object or a list is shown as its JSON, as before.
                    default -> JsonParser.parseReader(reader).toString();
                }));
            }
            reader.endArray();
            return List.copyOf(cells);
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> asMap(Object value) {
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }
}

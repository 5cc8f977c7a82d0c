package dev.wheelhouse.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.wheelhouse.model.ResourceType;
import dev.wheelhouse.model.ServerTable;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;

/** Asks the API server once for a list printed as a table, without the objects: names only, for a search. */
final class ServerTables {
    private ServerTables() {
    }

    static ServerTable fetch(ApiClient client, ResourceType type, String namespace) throws ApiException {
        String prefix = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.group() + "/" + type.version();
        String path = prefix + (namespace.isEmpty() ? "" : "/namespaces/" + client.escapeString(namespace)) + "/" + type.plural();
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", TableRows.TABLE);
        Call call = client.buildCall(null, path, "GET", List.of(), List.of(), null, headers, new HashMap<>(), new HashMap<>(),
                new String[] {"BearerToken"}, null);
        try (Response response = call.execute()) {
            String body = response.body() == null ? "" : response.body().string();
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), response.headers().toMultimap(), body);
            }
            return parse(JsonParser.parseString(body).getAsJsonObject());
        } catch (IOException e) {
            throw new ApiException(e);
        }
    }

    static ServerTable parse(JsonObject table) {
        List<String> columns = new ArrayList<>();
        for (JsonElement definition : table.getAsJsonArray("columnDefinitions")) {
            columns.add(definition.getAsJsonObject().get("name").getAsString());
        }
        List<ServerTable.Row> rows = new ArrayList<>();
        JsonArray rowArray = table.has("rows") && table.get("rows").isJsonArray() ? table.getAsJsonArray("rows") : new JsonArray();
        for (JsonElement element : rowArray) {
            JsonObject row = element.getAsJsonObject();
            List<String> cells = new ArrayList<>();
            for (JsonElement cell : row.getAsJsonArray("cells")) {
                cells.add(cell.isJsonNull() ? "" : cell.isJsonPrimitive() ? cell.getAsString() : cell.toString());
            }
            JsonObject metadata = row.has("object") && row.getAsJsonObject("object").has("metadata")
                    ? row.getAsJsonObject("object").getAsJsonObject("metadata") : new JsonObject();
            rows.add(new ServerTable.Row(text(metadata, "uid"), text(metadata, "name"), text(metadata, "namespace"), cells));
        }
        return new ServerTable(columns, rows);
    }

    private static String text(JsonObject object, String key) {
        return object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : "";
    }
}

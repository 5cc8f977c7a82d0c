package dev.wheelhouse.kube;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;

/**
 * Reads a list page or watch event into a JSON tree, skipping every object's {@code metadata.managedFields}
 * as it streams past instead of building it and dropping it afterwards ({@link JsonMaps#trimmed}): in a
 * table of pods with their metadata, managedFields is three quarters of the bytes, and building its tree
 * was most of the time spent reading a page.
 */
final class TrimmedJson {
    private static final String METADATA = "metadata";
    private static final String MANAGED_FIELDS = "managedFields";

    private TrimmedJson() {
    }

    /** The JSON object {@code json} holds, with no managedFields under any {@code metadata} key. */
    static JsonObject readObject(Reader json) throws IOException {
        JsonReader reader = new JsonReader(json);
        JsonElement read = value(reader, false);
        if (!read.isJsonObject()) {
            throw new IOException("Expected a JSON object, got " + read);
        }
        return read.getAsJsonObject();
    }

    private static JsonElement value(JsonReader reader, boolean isMetadata) throws IOException {
        return switch (reader.peek()) {
            case BEGIN_OBJECT -> object(reader, isMetadata);
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(value(reader, false));
                }
                reader.endArray();
                yield array;
            }
            case STRING -> new JsonPrimitive(reader.nextString());
            // Kept as the decimal the text is; JsonMaps reads numbers back from their text.
            case NUMBER -> new JsonPrimitive(new BigDecimal(reader.nextString()));
            case BOOLEAN -> new JsonPrimitive(reader.nextBoolean());
            case NULL -> {
                reader.nextNull();
                yield JsonNull.INSTANCE;
            }
            default -> throw new IOException("Unexpected " + reader.peek() + " at " + reader.getPath());
        };
    }

    private static JsonObject object(JsonReader reader, boolean isMetadata) throws IOException {
        JsonObject object = new JsonObject();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = reader.nextName();
            if (isMetadata && key.equals(MANAGED_FIELDS)) {
                reader.skipValue();
            } else {
                object.add(key, value(reader, key.equals(METADATA)));
            }
        }
        reader.endObject();
        return object;
    }
}

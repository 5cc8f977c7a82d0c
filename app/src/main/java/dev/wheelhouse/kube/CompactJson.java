package dev.wheelhouse.kube;

import com.google.gson.stream.JsonReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the objects of table rows (their metadata) into the app's plain maps as {@link JsonMaps} does for whole
 * objects, but compactly, as 100k of them are kept: unchangeable {@link ArrayMap}s, and one shared copy of each
 * text seen recently ({@link RecentStrings}). Read straight from the response as it streams, without a JSON
 * tree in between: building the tree cost as much as the rows themselves. Like {@link TrimmedJson}, it skips
 * {@code managedFields} under any {@code metadata} as it streams past, and kubectl's last-applied annotation.
 */
final class CompactJson {
    private static final String METADATA = "metadata";
    private static final String MANAGED_FIELDS = "managedFields";
    private static final String ANNOTATIONS = "annotations";
    /** Keys repeat in every object: their own cache, so that unique values do not push them out. */
    private static final RecentStrings KEYS = new RecentStrings(1 << 10);
    private static final RecentStrings VALUES = new RecentStrings(1 << 13);

    private CompactJson() {
    }

    /** Where a value sits, as far as trimming cares. */
    private enum Place { ANYWHERE, METADATA, ANNOTATIONS }

    /** The one copy of a text recently seen in a row. */
    static String shared(String text) {
        return VALUES.canonical(text);
    }

    /** The one copy of a key recently seen in a row. */
    static String key(String text) {
        return KEYS.canonical(text);
    }

    /** The next value of {@code reader}: a map, list, string, boolean, exact number or null. */
    static Object read(JsonReader reader) throws IOException {
        return value(reader, Place.ANYWHERE);
    }

    private static Object value(JsonReader reader, Place place) throws IOException {
        return switch (reader.peek()) {
            case BEGIN_OBJECT -> object(reader, place);
            case BEGIN_ARRAY -> {
                List<Object> list = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    list.add(value(reader, Place.ANYWHERE));
                }
                reader.endArray();
                yield list;
            }
            case STRING -> shared(reader.nextString());
            case NUMBER -> JsonMaps.number(reader.nextString());
            case BOOLEAN -> reader.nextBoolean();
            case NULL -> {
                reader.nextNull();
                yield null;
            }
            default -> throw new IOException("Unexpected " + reader.peek() + " at " + reader.getPath());
        };
    }

    private static Map<String, Object> object(JsonReader reader, Place place) throws IOException {
        List<Object> keysAndValues = new ArrayList<>();
        reader.beginObject();
        while (reader.hasNext()) {
            String key = key(reader.nextName());
            if (place == Place.METADATA && key.equals(MANAGED_FIELDS) || place == Place.ANNOTATIONS && key.equals(JsonMaps.LAST_APPLIED)) {
                reader.skipValue();
                continue;
            }
            keysAndValues.add(key);
            keysAndValues.add(value(reader, key.equals(METADATA) ? Place.METADATA
                    : place == Place.METADATA && key.equals(ANNOTATIONS) ? Place.ANNOTATIONS : Place.ANYWHERE));
        }
        reader.endObject();
        return ArrayMap.of(keysAndValues.toArray());
    }
}

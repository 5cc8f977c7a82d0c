package dev.wheelhouse.kube;

import com.google.gson.JsonObject;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.PrintedColumn;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.Map;

/**
 * What a list/watch loop asks the API server for and how it reads the answer. Full objects are one
 * decoding; the server's printed table rows ({@code as=Table}) are another, with the same loop.
 */
interface WatchDecoding {
    /** The Accept header of the list and watch requests. */
    String accept();

    /** Query parameters beyond paging, selectors and watch options (e.g. {@code includeObject}). */
    Map<String, String> query();

    /**
     * The printed columns a list page or watch event object declares, or else the latest ones declared;
     * empty for whole objects.
     */
    default List<PrintedColumn> columns(JsonObject pageOrEventObject) {
        return List.of();
    }

    /** One page of a list, read from the response's body. */
    ListPage readPage(Reader body) throws IOException;

    /** The object an ADDED, MODIFIED or DELETED watch event carries. */
    KubeObject eventItem(JsonObject object);
}

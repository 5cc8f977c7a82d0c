package dev.wheelhouse.kube;

import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.ResourceType;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Call;

/**
 * The raw list and watch requests of one watched list, built through the client so that its credentials,
 * TLS settings and connection pool apply. Raw, because the generated API has neither bookmarks nor tables.
 */
final class ListWatchRequests {
    /**
     * The first page is small: its rows are the first the table shows, and 100 pod rows with their metadata
     * (~170 kB) are a shorter wait for the server and for us to read than 500 (~860 kB), which cost 20-100 ms.
     */
    static final int FIRST_PAGE_SIZE = 100;
    /** Later pages: larger ones (2,000) were no faster to the full table on the benchmark, only longer steps. */
    static final int PAGE_SIZE = 500;

    private final ApiClient client;
    private final String path;
    private final ListSelector selector;
    private final WatchDecoding decoding;

    ListWatchRequests(ApiClient client, ResourceType type, String namespace, ListSelector selector, WatchDecoding decoding) {
        this.client = client;
        this.selector = selector;
        this.decoding = decoding;
        String prefix = type.group().isEmpty() ? "/api/" + type.version() : "/apis/" + type.group() + "/" + type.version();
        this.path = prefix + (namespace.isEmpty() ? "" : "/namespaces/" + client.escapeString(namespace)) + "/" + type.plural();
    }

    /** One page of the list; {@code continueToken} is null for the first. */
    Call listPage(String continueToken) throws ApiException {
        List<Pair> query = common();
        query.add(new Pair("limit", Integer.toString(continueToken == null ? FIRST_PAGE_SIZE : PAGE_SIZE)));
        if (continueToken != null) {
            query.add(new Pair("continue", continueToken));
        }
        return call(query);
    }

    /**
     * A watch from a list's resourceVersion, with bookmarks, which move that version on while nothing changes
     * so that a reconnect need not relist. The server ends it after 5-10 minutes (spread, as client-go does).
     */
    Call watch(String resourceVersion) throws ApiException {
        List<Pair> query = common();
        query.add(new Pair("watch", "true"));
        query.add(new Pair("resourceVersion", resourceVersion));
        query.add(new Pair("allowWatchBookmarks", "true"));
        query.add(new Pair("timeoutSeconds", Integer.toString(300 + ThreadLocalRandom.current().nextInt(300))));
        return call(query);
    }

    private List<Pair> common() {
        List<Pair> query = new ArrayList<>();
        if (!selector.labels().isEmpty()) {
            query.add(new Pair("labelSelector", selector.labels()));
        }
        if (!selector.fields().isEmpty()) {
            query.add(new Pair("fieldSelector", selector.fields()));
        }
        decoding.query().forEach((name, value) -> query.add(new Pair(name, value)));
        return query;
    }

    private Call call(List<Pair> query) throws ApiException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", decoding.accept());
        return client.buildCall(null, path, "GET", query, List.of(), null, headers, new HashMap<>(), new HashMap<>(),
                new String[] {"BearerToken"}, null);
    }
}

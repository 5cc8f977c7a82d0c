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
    private final ResourceType type;
    private final String namespace;
    private final String path;
    private final ListSelector selector;
    private final WatchDecoding decoding;

    ListWatchRequests(ApiClient client, ResourceType type, String namespace, ListSelector selector, WatchDecoding decoding) {
        this.client = client;
        this.type = type;
        this.namespace = namespace;
        this.selector = selector;
        this.decoding = decoding;
        this.path = path(type, namespace);
    }

    private String path(ResourceType listed, String in) {
        String prefix = listed.group().isEmpty() ? "/api/" + listed.version() : "/apis/" + listed.group() + "/" + listed.version();
        return prefix + (in.isEmpty() ? "" : "/namespaces/" + client.escapeString(in)) + "/" + listed.plural();
    }

    /** The namespace listed, or "" for all namespaces (and for a cluster-wide type). */
    String namespace() {
        return namespace;
    }

    /** Whether this lists a namespaced type across all namespaces. */
    boolean allNamespaces() {
        return type.namespaced() && namespace.isEmpty();
    }

    /**
     * The whole list in one namespace as the server's Table without objects (see {@link QuickRows}): cells only,
     * its smallest answer.
     */
    Call quickTable(String in) throws ApiException {
        List<Pair> query = selectors();
        query.add(new Pair("includeObject", "None"));
        return call(path(type, in), query, TableRows.TABLE);
    }

    /** The names of all namespaces, as a Table without objects (its first cell is the name). */
    Call namespaceNames() throws ApiException {
        return call("/api/v1/namespaces", new ArrayList<>(List.of(new Pair("includeObject", "None"))), TableRows.TABLE);
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
        List<Pair> query = selectors();
        decoding.query().forEach((name, value) -> query.add(new Pair(name, value)));
        return query;
    }

    private List<Pair> selectors() {
        List<Pair> query = new ArrayList<>();
        if (!selector.labels().isEmpty()) {
            query.add(new Pair("labelSelector", selector.labels()));
        }
        if (!selector.fields().isEmpty()) {
            query.add(new Pair("fieldSelector", selector.fields()));
        }
        return query;
    }

    private Call call(List<Pair> query) throws ApiException {
        return call(path, query, decoding.accept());
    }

    private Call call(String path, List<Pair> query, String accept) throws ApiException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", accept);
        return client.buildCall(null, path, "GET", query, List.of(), null, headers, new HashMap<>(), new HashMap<>(),
                new String[] {"BearerToken"}, null);
    }
}

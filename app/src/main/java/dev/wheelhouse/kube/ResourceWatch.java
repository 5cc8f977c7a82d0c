package dev.wheelhouse.kube;

import com.google.gson.JsonObject;
import dev.wheelhouse.model.KubeObject;
import io.kubernetes.client.openapi.ApiException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Response;

/**
 * A live list of one resource type in one namespace (or all), kept by its own list/watch loop on one thread:
 * a paged list, then a watch from the list's resourceVersion (kept current by events and bookmarks). The server
 * ending a watch leads to a new watch from there; 410 Gone to a new list; any failure is reported, waited out
 * with backoff, and followed by a new list, whose difference (including objects deleted meanwhile) is delivered.
 * Only the uids are kept here: the objects themselves live once, with whoever listens.
 * Closing it cancels the request in flight at once and ends the thread.
 */
public final class ResourceWatch implements AutoCloseable {
    /** A failure the server answered (403, 500...) waits up to this long: retrying costs the server work. */
    static final Duration SERVER_CEILING = Duration.ofSeconds(30);
    /**
     * A server that does not answer at all is tried at least this often: a refused connection costs it nothing,
     * and a restarted API server should be seen within seconds.
     */
    static final Duration UNREACHABLE_CEILING = Duration.ofSeconds(4);
    private static final Duration INITIAL_WAIT = Duration.ofSeconds(1);
    private static final int GONE = 410;

    private final ListWatchRequests requests;
    private final WatchDecoding decoding;
    private final WatchListener listener;
    private final String server;
    private final Consumer<ResourceWatch> onClose;
    private final Backoff serverBackoff = new Backoff(INITIAL_WAIT, SERVER_CEILING, () -> ThreadLocalRandom.current().nextDouble());
    private final Backoff unreachableBackoff = new Backoff(INITIAL_WAIT, UNREACHABLE_CEILING, () -> ThreadLocalRandom.current().nextDouble());
    /** The uids the listener has been given and not yet told are gone; touched only by the loop's thread. */
    private final Set<String> known = new HashSet<>();
    /**
     * Quick rows (see {@link QuickRows}) the listener has and no listed row replaced yet: "namespace/name" →
     * made-up uid. Kept across a failed list, so that the next one replaces them; touched only by the loop.
     */
    private final Map<String, String> quick = new HashMap<>();
    private final int quickFrom;
    private volatile QuickRows quickInFlight;
    /** Counted down by close(): wakes the loop from its backoff wait. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Call inFlight;
    private volatile boolean closed;

    ResourceWatch(ListWatchRequests requests, WatchDecoding decoding, Executor threads, String server,
                  WatchListener listener, Consumer<ResourceWatch> onClose) {
        this.requests = requests;
        this.decoding = decoding;
        this.listener = listener;
        this.server = server;
        this.onClose = onClose;
        this.quickFrom = QuickRows.from();
        threads.execute(this::run);
    }

    private void run() {
        String resourceVersion = null;
        while (!closed) {
            try {
                if (resourceVersion == null) {
                    resourceVersion = list();
                    serverBackoff.reset();
                    unreachableBackoff.reset();
                }
                if (resourceVersion != null) {
                    resourceVersion = watchFrom(resourceVersion);
                }
            } catch (Exception failure) {
                if (closed) {
                    return;
                }
                listener.failed(KubeFailures.toProblem(failure, server));
                resourceVersion = null;
                boolean answered = failure instanceof ApiException api && api.getCode() > 0;
                if (!(answered ? serverBackoff : unreachableBackoff).waitNext(closing)) {
                    return;
                }
            }
        }
    }

    /**
     * Lists everything, page by page, telling the listener of each object and then of those that are gone.
     * Returns the list's resourceVersion, or null if the server expired the paging (410): list again.
     */
    private String list() throws ApiException, IOException {
        Set<String> listed = new HashSet<>();
        String continueToken = null;
        String resourceVersion;
        do {
            ListPage page;
            try (Response response = execute(requests.listPage(continueToken))) {
                if (response.code() == GONE) {
                    return null;
                }
                page = decoding.readPage(successfulBody(response));
            }
            page.columns().ifPresent(listener::columns);
            boolean firstPage = continueToken == null;
            Set<String> names = new HashSet<>();
            for (KubeObject item : page.items()) {
                String name = item.namespace() + "/" + item.name();
                String standIn = quick.remove(name);
                if (standIn != null) {
                    listener.deleted(standIn);
                }
                names.add(name);
                listed.add(item.uid());
                listener.upserted(item);
            }
            // Every page repeats the resourceVersion the first one fixed.
            resourceVersion = page.resourceVersion();
            continueToken = page.continueToken();
            if (!continueToken.isEmpty()) {
                listener.pageListed();
                if (firstPage && known.isEmpty() && quick.isEmpty() && decoding instanceof TableRows table
                        && page.remainingItemCount() >= quickFrom) {
                    showQuickRows(table, names);
                }
            }
            if (closed) {
                return null;
            }
        } while (!continueToken.isEmpty());
        for (String uid : known) {
            if (!listed.contains(uid)) {
                listener.deleted(uid);
            }
        }
        // Objects the quick rows showed and that were deleted before the pages reached them.
        quick.values().forEach(listener::deleted);
        quick.clear();
        known.clear();
        known.addAll(listed);
        listener.synced();
        listener.pageListed();
        return resourceVersion;
    }

    /**
     * Hands the listener the quick rows of the objects the first page did not bring ({@code listed}: their
     * "namespace/name"), a namespace at a time; the later pages replace them.
     */
    private void showQuickRows(TableRows table, Set<String> listed) {
        QuickRows rows = new QuickRows(requests, table);
        quickInFlight = rows;
        if (closed) {
            rows.close();
        }
        rows.list(namespaceRows -> {
            for (KubeObject row : namespaceRows) {
                String name = row.namespace() + "/" + row.name();
                if (!listed.contains(name) && quick.putIfAbsent(name, row.uid()) == null) {
                    listener.upserted(row);
                }
            }
            listener.pageListed();
        });
        quickInFlight = null;
    }

    /** Follows one watch; returns where to go on from when the server ends it, or null to list again (410). */
    private String watchFrom(String resourceVersion) throws ApiException, IOException {
        String current = resourceVersion;
        try (Response response = execute(requests.watch(resourceVersion))) {
            if (response.code() == GONE) {
                return null;
            }
            BufferedReader lines = new BufferedReader(successfulBody(response));
            for (String line = lines.readLine(); line != null && !closed; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject event = TrimmedJson.readObject(new StringReader(line));
                String type = text(event, "type");
                JsonObject object = event.getAsJsonObject("object");
                if (type.equals("ERROR")) {
                    int code = object.has("code") ? object.get("code").getAsInt() : 0;
                    if (code == GONE) {
                        return null;
                    }
                    throw new ApiException(code, null, object.toString());
                }
                String version = text(object.getAsJsonObject("metadata"), "resourceVersion");
                if (!version.isEmpty()) {
                    current = version;
                }
                announceColumns(object);
                switch (type) {
                    case "ADDED", "MODIFIED" -> {
                        KubeObject item = decoding.eventItem(object);
                        known.add(item.uid());
                        listener.upserted(item);
                    }
                    case "DELETED" -> {
                        String uid = decoding.eventItem(object).uid();
                        known.remove(uid);
                        listener.deleted(uid);
                    }
                    default -> {
                        // BOOKMARK: only its resourceVersion matters.
                    }
                }
            }
        }
        return current;
    }

    private void announceColumns(JsonObject pageOrEventObject) {
        if (pageOrEventObject.has("columnDefinitions")) {
            listener.columns(decoding.columns(pageOrEventObject));
        }
    }

    private Response execute(Call call) throws IOException {
        inFlight = call;
        // close() sets closed before it cancels what is in flight; this sets inFlight before it reads closed.
        if (closed) {
            Cancelling.cancel(call);
        }
        return call.execute();
    }

    private static Reader successfulBody(Response response) throws ApiException, IOException {
        if (!response.isSuccessful()) {
            String body = response.body() == null ? "" : response.body().string();
            throw new ApiException(response.code(), response.headers().toMultimap(), body);
        }
        return response.body().charStream();
    }

    private static String text(JsonObject object, String key) {
        return object != null && object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : "";
    }

    /** For tests: breaks the current connection as a network failure would, without closing the watch. */
    void breakConnection() {
        Call call = inFlight;
        if (call != null) {
            Cancelling.cancel(call);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        QuickRows rows = quickInFlight;
        if (rows != null) {
            rows.close();
        }
        closing.countDown();
        // Cancelling the call ends a read in progress; no interrupt, which OkHttp does not support (see Backoff).
        breakConnection();
        onClose.accept(this);
    }
}

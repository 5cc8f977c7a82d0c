package dev.wheelhouse.kube;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.wheelhouse.model.KubeObject;
import io.kubernetes.client.openapi.ApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Response;

/**
 * The rows of a long list, fast, before their metadata: the server's Table without objects, its smallest and
 * quickest answer (at 100k pods 0.6 s, against 10 s for the pages with metadata). Such a table has no
 * namespace column (kubectl takes it from the metadata), so it is asked for one namespace at a time, several
 * at once. Each row stands in for its object until the paged list with metadata brings the real row (see
 * {@link ResourceWatch}); its uid is made up from its namespace and name ({@link KubeObject#isStandIn}).
 * Closing cancels the requests in flight.
 */
final class QuickRows implements AutoCloseable {
    /** A list this much longer than its first page (the server's remainingItemCount) is worth the requests. */
    static final int DEFAULT_FROM = 2_000;
    /** Each namespace costs a request: past this many, quick rows would cost the server more than they save. */
    static final int MOST_NAMESPACES = 200;

    private final ListWatchRequests requests;
    private final TableRows decoding;
    /** Guarded by itself, as are {@link #answers} and {@link #closed}. */
    private final List<Call> calls = new ArrayList<>();
    /** Put in {@link #answers} by close(), to wake a reader that waits for the next one. */
    private static final Object CLOSED = new Object();
    /** Each namespace's response, or the failure of one, or {@link #CLOSED}. */
    private final BlockingQueue<Object> answers = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    QuickRows(ListWatchRequests requests, TableRows decoding) {
        this.requests = requests;
        this.decoding = decoding;
    }

    /**
     * The smallest remainingItemCount that is worth quick rows: the system property
     * {@code wheelhouse.quickRowsFrom} (tests lower it), else {@link #DEFAULT_FROM}.
     */
    static int from() {
        return Integer.getInteger("wheelhouse.quickRowsFrom", DEFAULT_FROM);
    }

    /**
     * Lists every namespace's rows and hands them to {@code rows} on this thread, a namespace at a time, as
     * they arrive. Gives up quietly on any failure (say RBAC forbids listing namespaces): the paged list with
     * metadata goes on as if there had been no quick rows.
     */
    void list(Consumer<List<KubeObject>> rows) {
        try {
            List<String> namespaces = requests.allNamespaces() ? namespaceNames() : List.of(requests.namespace());
            if (namespaces.size() > MOST_NAMESPACES) {
                return;
            }
            for (String namespace : namespaces) {
                Call call = requests.quickTable(namespace);
                synchronized (calls) {
                    if (closed) {
                        return;
                    }
                    calls.add(call);
                }
                call.enqueue(new Callback() {
                    @Override
                    public void onResponse(Call call, Response response) {
                        answered(new Answer(namespace, response));
                    }

                    @Override
                    public void onFailure(Call call, IOException failure) {
                        answered(failure);
                    }
                });
            }
            for (int left = namespaces.size(); left > 0 && !closed; left--) {
                Object answer = answers.take();
                if (answer instanceof Answer table) {
                    rows.accept(read(table));
                } else {
                    return;
                }
            }
        } catch (IOException | ApiException | RuntimeException failure) {
            // No quick rows, or only some: the paged list brings them all.
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            close();
        }
    }

    private List<String> namespaceNames() throws IOException, ApiException {
        Call call = requests.namespaceNames();
        synchronized (calls) {
            calls.add(call);
            if (closed) {
                Cancelling.cancel(call);
            }
        }
        List<String> names = new ArrayList<>();
        try (Response response = call.execute()) {
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), "namespaces: " + response.message());
            }
            JsonObject table = TrimmedJson.readObject(response.body().charStream());
            for (JsonElement row : table.getAsJsonArray("rows")) {
                names.add(row.getAsJsonObject().getAsJsonArray("cells").get(0).getAsString());
            }
        }
        return names;
    }

    private List<KubeObject> read(Answer answer) throws IOException, ApiException {
        try (Response response = answer.response) {
            if (!response.isSuccessful()) {
                throw new ApiException(response.code(), answer.namespace + ": " + response.message());
            }
            return decoding.quickRows(response.body().charStream(), answer.namespace);
        }
    }

    private void answered(Object answer) {
        synchronized (calls) {
            if (!closed) {
                answers.add(answer);
                return;
            }
        }
        if (answer instanceof Answer late) {
            late.response.close();
        }
    }

    /**
     * Cancels what is in flight, releases what arrived and was not read, and wakes a {@link #list} that waits
     * (with no interrupt, which OkHttp does not support: see {@link Backoff}).
     */
    @Override
    public void close() {
        synchronized (calls) {
            closed = true;
            calls.forEach(Cancelling::cancel);
        }
        for (Object answer = answers.poll(); answer != null; answer = answers.poll()) {
            if (answer instanceof Answer unread) {
                unread.response.close();
            }
        }
        answers.add(CLOSED);
    }

    private record Answer(String namespace, Response response) {
    }
}

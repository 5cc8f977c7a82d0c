package dev.wheelhouse.kube;

import dev.wheelhouse.model.LogOptions;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.Call;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * One open request for a container's log ({@code GET .../pods/{pod}/log}), read line by line. Built by hand
 * because the generated API has no {@code sinceTime}; every line starts with the runtime's RFC 3339 timestamp.
 * Closing cancels the call, which unblocks a read in progress at once.
 */
public final class LogStream implements AutoCloseable {
    private final Call call;
    private final Consumer<LogStream> onClose;
    private volatile Response response;
    private BufferedSource body;
    private volatile boolean closed;

    private LogStream(Call call, Consumer<LogStream> onClose) {
        this.call = call;
        this.onClose = onClose;
    }

    /**
     * The request for a log, not sent yet: {@link #start()} sends it, and {@link #close()} cancels it even
     * while it waits for the server's answer. {@code sinceTime}, when not null, replaces the options' tail and
     * since (a resumed stream asks for everything from the second of the last line it saw, which the server
     * counts in whole seconds).
     */
    static LogStream prepare(ApiClient client, String namespace, String pod, String container, LogOptions options,
                             Instant sinceTime, Consumer<LogStream> onClose) throws ApiException {
        List<Pair> query = new ArrayList<>();
        query.add(new Pair("timestamps", "true"));
        if (container != null) {
            query.add(new Pair("container", container));
        }
        if (options.follow()) {
            query.add(new Pair("follow", "true"));
        }
        if (options.previous()) {
            query.add(new Pair("previous", "true"));
        }
        if (sinceTime != null) {
            query.add(new Pair("sinceTime", sinceTime.truncatedTo(ChronoUnit.SECONDS).toString()));
        } else {
            if (options.tailLines() >= 0) {
                query.add(new Pair("tailLines", Long.toString(options.tailLines())));
            }
            if (options.sinceSeconds() > 0) {
                query.add(new Pair("sinceSeconds", Long.toString(options.sinceSeconds())));
            }
        }
        String path = "/api/v1/namespaces/" + client.escapeString(namespace) + "/pods/" + client.escapeString(pod) + "/log";
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", "*/*");
        Call call = client.buildCall(null, path, "GET", query, List.of(), null, headers, new HashMap<>(), new HashMap<>(),
                new String[] {"BearerToken"}, null);
        return new LogStream(call, onClose);
    }

    /**
     * Sends the request and waits for the answer's headers; closes this stream if that fails.
     *
     * @throws ApiException with the server's status and reason if it refuses (no such container, not started...)
     * @throws IOException if the server cannot be reached, or the stream was closed meanwhile
     */
    void start() throws ApiException, IOException {
        Response response;
        try {
            response = call.execute();
        } catch (IOException | RuntimeException failure) {
            close();
            throw failure;
        }
        if (!response.isSuccessful()) {
            String body;
            try (response) {
                body = response.body() == null ? "" : response.body().string();
            }
            close();
            throw new ApiException(response.code(), response.headers().toMultimap(), body);
        }
        this.response = response;
        // A close that came while the answer was on its way found no response to close: this one is ours to close.
        if (closed) {
            response.close();
            throw new IOException("The log stream was closed");
        }
        body = response.body().source();
    }

    /**
     * The next line, or null when the server ended the log (the container stopped, or not following). Lines end
     * at a line feed, as the runtime split them, and a carriage return before it is dropped; a carriage return
     * elsewhere (a progress bar rewriting its line) stays in the line, which keeps its one timestamp.
     */
    public String readLine() throws IOException {
        return body.readUtf8Line();
    }

    /** Whether a line may be read without waiting for the server (some of it has arrived). */
    public boolean hasBuffered() {
        return body.getBuffer().size() > 0;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Cancelling.cancel(call);
        // The body too: a reader that stops without reading again would otherwise leave it to the collector,
        // and the connection pool would count the stream as leaked.
        Response open = response;
        if (open != null) {
            open.close();
        }
        onClose.accept(this);
    }
}

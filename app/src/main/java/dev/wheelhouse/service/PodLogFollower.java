package dev.wheelhouse.service;

import dev.wheelhouse.kube.Backoff;
import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.kube.KubeFailures;
import dev.wheelhouse.kube.LogStream;
import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * Reads one container's log on its own thread. When the stream ends while following (the server dropped it,
 * the API server restarted, the container restarted), it opens it again after a backoff from the second of
 * the last line it saw, dropping what that repeats: no line lost, none doubled. It stops when the container
 * can write no more (its pod is gone or finished) or when closed; closing cancels the request at once.
 */
final class PodLogFollower implements Runnable {
    private static final Duration FIRST_RETRY = Duration.ofMillis(250);
    private static final Duration LAST_RETRY = Duration.ofSeconds(4);
    /** The most lines handed on at once, so that a never-ending burst still reaches the view. */
    private static final int CHUNK_LINES = 1_000;

    /** Where lines and state changes go; called on the follower's thread. */
    interface Listener {
        /** Lines in the stream's order, handed on in chunks: as many as were read without waiting. */
        void lines(PodLogFollower from, List<LogLine> lines);

        void state(PodLogFollower from, LogState state, String detail);
    }

    private final ClusterConnection connection;
    private final String namespace;
    private final String pod;
    private final String container;
    private final LogOptions options;
    private final BooleanSupplier mayWriteMore;
    private final Listener listener;
    private final String server;
    private final ResumeFilter resume = new ResumeFilter();
    private final Backoff backoff = new Backoff(FIRST_RETRY, LAST_RETRY, () -> ThreadLocalRandom.current().nextDouble());
    private volatile LogStream stream;
    private volatile boolean closed;
    /** Counted down by close(): wakes the follower from its backoff wait. */
    private final CountDownLatch closing = new CountDownLatch(1);
    private Instant lastTime = Instant.EPOCH;
    /** Lines read and not yet handed on. */
    private List<LogLine> chunk = new ArrayList<>();

    PodLogFollower(ClusterConnection connection, String namespace, String pod, String container, LogOptions options,
                   BooleanSupplier mayWriteMore, Listener listener) {
        this.connection = connection;
        this.namespace = namespace;
        this.pod = pod;
        this.container = container;
        this.options = options;
        this.mayWriteMore = mayWriteMore;
        this.listener = listener;
        this.server = connection.context().server();
    }

    String key() {
        return pod + "/" + container;
    }

    String pod() {
        return pod;
    }

    @Override
    public void run() {
        boolean first = true;
        while (!closed) {
            boolean delivered = false;
            try {
                Instant since = first ? null : resume.resumeTime();
                if (since != null) {
                    resume.resume();
                }
                open(since);
                listener.state(this, LogState.STREAMING, "");
                first = false;
                for (String raw = stream.readLine(); raw != null && !closed; raw = stream.readLine()) {
                    delivered |= deliver(raw);
                    // Before the next read might wait for the server, what was read goes on.
                    if (chunk.size() >= CHUNK_LINES || !stream.hasBuffered()) {
                        handOn();
                    }
                }
                handOn();
                closeStream();
                if (closed) {
                    return;
                }
                if (!options.follow()) {
                    listener.state(this, LogState.ENDED, "end of the log");
                    return;
                }
                if (!mayWriteMore.getAsBoolean()) {
                    listener.state(this, LogState.ENDED, "the container stopped");
                    return;
                }
                listener.state(this, LogState.RECONNECTING, "the stream ended; opening it again from the last line");
            } catch (Exception failure) {
                handOn();
                closeStream();
                if (closed) {
                    return;
                }
                Problem problem = KubeFailures.toProblem(failure, server);
                int status = KubeFailures.statusCode(failure);
                boolean answered = status > 0;
                // The server's refusal stands unless following a container that may yet start (400: waiting).
                boolean retry = options.follow() && mayWriteMore.getAsBoolean() && (!answered || status == 400 || status >= 500);
                if (!retry) {
                    // A pod that went away ends its stream; anything else is an error worth reading.
                    boolean gone = options.follow() && !mayWriteMore.getAsBoolean();
                    listener.state(this, gone ? LogState.ENDED : LogState.ERROR, problem.message());
                    return;
                }
                listener.state(this, LogState.RECONNECTING, problem.message());
            }
            if (delivered) {
                backoff.reset();
            }
            if (!backoff.waitNext(closing)) {
                return;
            }
        }
    }

    private void open(Instant since) throws Exception {
        connection.openLog(namespace, pod, container, options, since, opening -> {
            stream = opening;
            // close() sets closed before it closes the stream; this sets the stream before it reads closed.
            if (closed) {
                opening.close();
            }
        });
    }

    /** Parses "<RFC 3339 time> <text>"; returns whether the line was new. */
    private boolean deliver(String raw) {
        int space = raw.indexOf(' ');
        Instant time;
        String text;
        try {
            time = Timestamps.parse(raw, space > 0 ? space : raw.length());
            text = space > 0 ? raw.substring(space + 1) : "";
        } catch (DateTimeException | StringIndexOutOfBoundsException notStamped) {
            time = lastTime;
            text = raw;
        }
        text = lastRewrite(text);
        if (!resume.accept(time, text)) {
            return false;
        }
        lastTime = time;
        chunk.add(LogLine.line(time, pod, container, text));
        return true;
    }

    /**
     * What a terminal ends up showing of a line that carriage returns rewrote (a progress bar: "10%\r20%\r30%"):
     * its last part that is not empty. {@code kubectl logs} leaves that to the terminal; a list of lines cannot.
     */
    private static String lastRewrite(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\r') {
            end--;
        }
        int start = text.lastIndexOf('\r', end - 1) + 1;
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    private void handOn() {
        if (!chunk.isEmpty() && !closed) {
            listener.lines(this, chunk);
        }
        chunk = new ArrayList<>();
    }

    private void closeStream() {
        LogStream current = stream;
        if (current != null) {
            current.close();
        }
    }

    /** Closing the stream ends a read in progress; no interrupt, which OkHttp does not support (see {@link Backoff}). */
    void close() {
        closed = true;
        closing.countDown();
        closeStream();
    }
}

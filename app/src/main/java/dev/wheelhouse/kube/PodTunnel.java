package dev.wheelhouse.kube;

import dev.wheelhouse.model.CancellableWaits;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.util.WebSocketStreamHandler;
import io.kubernetes.client.util.WebSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;

/**
 * One TCP connection to a port of a pod, through the API server's port-forward websocket (one websocket per
 * connection, as kubectl opens one stream per connection). What the pod sends is written straight to
 * {@code toLocal} on the websocket's reader thread, so a slow local reader slows the pod down instead of
 * filling memory; what is written to {@link #toPod()} goes to the pod.
 * <p>
 * The client's own {@code PortForwardResult} hands the pod's bytes over through 1 KiB pipes that break once the
 * websocket's reader thread ends (an idle connection); this handler writes them on directly instead. The
 * streaming protocol is the client's: channel 0 carries data, channel 1 the server's error text, each starting
 * with the port number in two bytes.
 */
public final class PodTunnel implements AutoCloseable {
    private static final int DATA = 0;
    private static final int ERROR = 1;
    private static final int CHANNEL_CLOSE = 255;

    /** Counts bytes as they pass, for the forwards panel. */
    public interface Traffic {
        void fromPod(int bytes);

        void toPod(int bytes);
    }

    private final Handler handler;
    private final OutputStream toPod;
    private final Traffic traffic;

    private PodTunnel(Handler handler, Traffic traffic) {
        this.handler = handler;
        this.traffic = traffic;
        this.toPod = handler.getOutputStream(DATA);
    }

    /**
     * Opens the websocket and waits until the server accepted it.
     *
     * @param streams a client without read timeout (the connection lives as long as the user's)
     * @param onEnd   runs once when the pod's side ends (closed by the server, the pod, or a failure)
     * @throws ApiException with the server's status (403 when RBAC forbids pods/portforward, 404 for a gone pod)
     * @throws IOException  when the server cannot be reached or does not answer within {@code timeout}
     */
    static PodTunnel open(ApiClient streams, String namespace, String pod, int port, OutputStream toLocal,
                          Traffic traffic, Runnable onEnd, Duration timeout) throws ApiException, IOException {
        Handler handler = new Handler(toLocal, traffic, onEnd);
        String path = "/api/v1/namespaces/" + namespace + "/pods/" + pod + "/portforward";
        Map<String, String> headers = new HashMap<>();
        headers.put(WebSockets.STREAM_PROTOCOL_HEADER, WebSockets.K8S_STREAM_PROTOCOL);
        headers.put(WebSockets.CONNECTION, WebSockets.UPGRADE);
        headers.put(WebSockets.UPGRADE, WebSockets.SPDY_3_1);
        Request request = streams.buildRequest(streams.getBasePath(), path, "GET", List.of(new Pair("ports", Integer.toString(port))),
                List.of(), null, headers, new HashMap<>(), new HashMap<>(), new String[] {"BearerToken"}, null);
        WebSocket socket = streams.getHttpClient().newWebSocket(request, new WebSockets.Listener(handler) {
            @Override
            public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
                handler.refusedWith(response);
                super.onFailure(webSocket, failure, response);
            }
        });
        try {
            if (!CancellableWaits.during(() -> handler.settled.await(timeout.toMillis(), TimeUnit.MILLISECONDS))) {
                socket.cancel();
                throw new IOException("The API server did not open the port-forward stream within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            socket.cancel();
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while opening the port-forward stream", e);
        }
        if (handler.status > 0) {
            throw new ApiException(handler.status, Map.of(), handler.statusBody);
        }
        if (handler.getError() != null) {
            Throwable failure = handler.getError();
            throw failure instanceof IOException io ? io : new IOException(failure.getMessage(), failure);
        }
        return new PodTunnel(handler, traffic);
    }

    /** Sends bytes to the pod's port. */
    public void send(byte[] buffer, int length) throws IOException {
        traffic.toPod(length);
        try {
            toPod.write(buffer, 0, length);
        } catch (IllegalStateException e) {
            throw new IOException("The port-forward stream is closed", e);
        }
    }

    /** What the server said on the error channel (kubelet: "connection refused" inside the pod), or "". */
    public String errorText() {
        return handler.errorText();
    }

    public boolean isClosed() {
        return handler.isClosed();
    }

    @Override
    public void close() {
        handler.close();
    }

    /** Demultiplexes the websocket's frames: data to the local socket, error text to a buffer. */
    private static final class Handler extends WebSocketStreamHandler {
        private final CountDownLatch settled = new CountDownLatch(1);
        private final OutputStream toLocal;
        private final Traffic traffic;
        private final Runnable onEnd;
        private final StringBuilder errors = new StringBuilder();
        /** Each channel starts with the port number in two bytes, not part of the data. */
        private final int[] prefixLeft = {2, 2};
        private volatile int status;
        private volatile String statusBody = "";
        private boolean ended;

        Handler(OutputStream toLocal, Traffic traffic, Runnable onEnd) {
            this.toLocal = toLocal;
            this.traffic = traffic;
            this.onEnd = onEnd;
        }

        void refusedWith(Response response) {
            if (response != null && response.code() != 101) {
                try {
                    statusBody = response.body() == null ? "" : response.body().string();
                } catch (IOException | IllegalStateException e) {
                    statusBody = "";
                }
                status = response.code();
            }
        }

        @Override
        public synchronized void open(String protocol, WebSocket socket) {
            super.open(protocol, socket);
            settled.countDown();
        }

        @Override
        protected void handleMessage(int channel, InputStream in) throws IOException {
            try {
                if (channel == DATA || channel == ERROR) {
                    byte[] bytes = in.readAllBytes();
                    int skip = Math.min(prefixLeft[channel], bytes.length);
                    prefixLeft[channel] -= skip;
                    int length = bytes.length - skip;
                    if (length > 0 && channel == DATA) {
                        // Counted first, so that whoever received the bytes finds them counted.
                        traffic.fromPod(length);
                        toLocal.write(bytes, skip, length);
                        toLocal.flush();
                    } else if (length > 0) {
                        synchronized (errors) {
                            errors.append(new String(bytes, skip, length, StandardCharsets.UTF_8));
                        }
                    }
                } else if (channel == CHANNEL_CLOSE) {
                    close();
                }
            } catch (IOException e) {
                // The local side is gone: nothing more to deliver.
                close();
            } finally {
                in.close();
            }
        }

        String errorText() {
            synchronized (errors) {
                return errors.toString().strip();
            }
        }

        @Override
        public void close() {
            boolean first;
            synchronized (this) {
                super.close();
                first = !ended;
                ended = true;
            }
            settled.countDown();
            if (first) {
                onEnd.run();
            }
        }
    }
}

package dev.wheelhouse.service;

import dev.wheelhouse.kinds.builtin.EndpointSlices;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.kinds.builtin.Services;
import dev.wheelhouse.kube.PodTunnel;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A running port-forward: a local listening socket, and for each connection accepted there one stream through
 * the API server to the Pod the target resolves to now. It watches its target (no polling): a Service or workload
 * forward moves to another ready Pod when its Pod goes away or stops being ready, or waits for one; a forward to
 * a Pod says "pod gone". Close it to stop listening and drop every connection; its threads end before
 * {@link #close()} returns.
 */
public final class Forward implements AutoCloseable {
    /** Threads of forwards are named so, for tests that check none is left behind. */
    public static final String THREAD_PREFIX = "wheelhouse-forward-";
    /** How long a new connection waits for a ready Pod before it is closed. */
    private static final long WAIT_FOR_POD_MS = 10_000;
    private static final int BUFFER = 64 * 1024;
    private static final AtomicInteger IDS = new AtomicInteger();

    public enum State { ACTIVE, WAITING, ERROR, STOPPED }

    /** What the forwards panel shows of one forward. {@code pod} is the Pod new connections go to, or "". */
    public record Status(State state, String message, String pod, int connections, long bytesIn, long bytesOut) {
    }

    private final int id = IDS.incrementAndGet();
    private final ClusterSession session;
    private final ForwardTarget target;
    private final Runnable onChange;
    private final Object lock = new Object();
    /** The objects each of this forward's watches holds, by uid, and whether it has listed them all yet. */
    private final List<Map<String, KubeObject>> watched = new ArrayList<>();
    private final List<Boolean> synced = new ArrayList<>();
    private final List<AutoCloseable> watches = new ArrayList<>();
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    /** Which Pod each open connection goes to. */
    private final Map<Socket, PodPort> routes = new ConcurrentHashMap<>();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private ServerSocket server;
    private PodPort current;
    private State state = State.WAITING;
    private String message = "Looking for a ready pod…";
    private Problem watchProblem;
    /** The pinned Pod as last seen, to offer a forward to its siblings once it is gone. */
    private KubeObject lastPod;
    private boolean closed;

    Forward(ClusterSession session, ForwardTarget target, Runnable onChange) {
        this.session = session;
        this.target = target;
        this.onChange = onChange;
    }

    /** Binds the local port and starts watching; a port that cannot be bound leaves the forward in error. */
    void start(InetAddress address, int localPort) {
        try {
            server = LocalPorts.bind(address, localPort, target.port());
        } catch (ProblemException e) {
            set(State.ERROR, e.getMessage());
            return;
        }
        try {
            watchTarget();
        } catch (IllegalStateException e) {
            // The session was closed meanwhile (its context disconnected).
            set(State.ERROR, e.getMessage());
            closeQuietly(server);
            return;
        }
        session.onClose(() -> stop(State.ERROR, "Context " + context() + " was disconnected; start the forward again once it is connected."));
        Thread acceptor = new Thread(this::accept, THREAD_PREFIX + id + "-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        threads.add(acceptor);
        acceptor.start();
    }

    /** Ends a forward that could not start. */
    void fail(String reason) {
        set(State.ERROR, reason);
    }

    private void watchTarget() {
        String ns = target.namespace();
        // Every watch's slot exists before the first delivers: none may resolve with another's list missing.
        synchronized (lock) {
            for (int i = target.kind().equals("Service") ? 2 : 1; i > 0; i--) {
                watched.add(new HashMap<>());
                synced.add(false);
            }
        }
        switch (target.kind()) {
            case "Pod" -> watch(() -> session.watch(Pods.DESCRIPTOR.type(), ns,
                    ListSelector.fields("metadata.name=" + target.name()), sink(0)));
            case "Service" -> {
                watch(() -> session.watch(Services.DESCRIPTOR.type(), ns,
                        ListSelector.fields("metadata.name=" + target.name()), sink(0)));
                watch(() -> session.watch(EndpointSlices.DESCRIPTOR.type(), ns,
                        ListSelector.labels("kubernetes.io/service-name=" + target.name()), sink(1)));
            }
            default -> watch(() -> session.watch(Pods.DESCRIPTOR.type(), ns,
                    ListSelector.labels(target.labelSelector()), sink(0)));
        }
    }

    private void watch(Supplier<AutoCloseable> start) {
        AutoCloseable handle = start.get();
        synchronized (lock) {
            watches.add(handle);
        }
    }

    private Consumer<Batch> sink(int index) {
        return batch -> {
            synchronized (lock) {
                if (closed) {
                    return;
                }
                Map<String, KubeObject> objects = watched.get(index);
                batch.deletedUids().forEach(objects::remove);
                batch.upserts().forEach(o -> objects.put(o.uid(), o));
                boolean recovered = false;
                if (batch.synced()) {
                    synced.set(index, true);
                    recovered = watchProblem != null;
                    watchProblem = null;
                }
                if (batch.problem() != null) {
                    watchProblem = batch.problem();
                }
                resolve(recovered);
            }
        };
    }

    /** Picks the Pod for new connections from what the watches hold; called under the lock. */
    private void resolve(boolean recovered) {
        if (watchProblem != null) {
            set(State.ERROR, watchProblem.message());
            return;
        }
        if (synced.contains(false)) {
            return;
        }
        List<PodPort> candidates;
        switch (target.kind()) {
            case "Pod" -> {
                Optional<KubeObject> pod = watched.get(0).values().stream().findFirst();
                pod.ifPresent(seen -> lastPod = seen);
                if (pod.isEmpty()) {
                    current = null;
                    dropConnectionsOutside(List.of());
                    set(State.ERROR, "Pod gone: " + target.namespace() + "/" + target.name() + " no longer exists."
                            + (lastPod == null ? "" : ForwardPods.siblingsOf(lastPod, target.port())
                                    .map(sibling -> " Re-target to " + sibling.kind() + " " + sibling.name() + "'s pods?").orElse("")));
                    return;
                }
                candidates = ForwardPods.readyPods(List.of(pod.get()), target.port());
            }
            case "Service" -> {
                Optional<KubeObject> service = watched.get(0).values().stream().findFirst();
                if (service.isEmpty()) {
                    current = null;
                    set(State.ERROR, "Service " + target.namespace() + "/" + target.name() + " does not exist.");
                    return;
                }
                Optional<String> unreachable = ForwardPods.serviceProblem(service.get(), target.port(), watched.get(1).values());
                if (unreachable.isPresent()) {
                    current = null;
                    dropConnectionsOutside(List.of());
                    set(State.ERROR, unreachable.get());
                    return;
                }
                candidates = ForwardPods.behindService(service.get(), target.port(), watched.get(1).values());
            }
            default -> candidates = ForwardPods.readyPods(watched.get(0).values(), target.port());
        }
        PodPort was = current;
        current = ForwardPods.choose(was, candidates).orElse(null);
        dropConnectionsOutside(candidates);
        if (current == null) {
            set(State.WAITING, target.pinned() ? "The pod is not ready; waiting for it." : "No ready pod; waiting for one.");
        } else if (was != null && !was.equals(current)) {
            set(State.ACTIVE, "Moved to pod " + current.pod() + " (" + was.pod() + " went away or is not ready).");
        } else if (was == null || recovered || state == State.WAITING) {
            set(State.ACTIVE, "");
        }
        lock.notifyAll();
    }

    /**
     * Closes the connections to Pods that went away or stopped being ready: their clients reconnect, and reach the
     * Pod the forward moved to (a kept-alive browser connection would otherwise stay with a Pod that is gone).
     */
    private void dropConnectionsOutside(List<PodPort> candidates) {
        routes.forEach((socket, pod) -> {
            if (!candidates.contains(pod)) {
                closeQuietly(socket);
            }
        });
    }

    private void set(State newState, String newMessage) {
        synchronized (lock) {
            if (closed || (state == newState && message.equals(newMessage))) {
                return;
            }
            state = newState;
            message = newMessage;
        }
        onChange.run();
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                sockets.add(socket);
                Thread connection = new Thread(() -> serve(socket),
                        THREAD_PREFIX + id + "-connection-" + connectionIds.incrementAndGet());
                connection.setDaemon(true);
                threads.add(connection);
                connection.start();
            }
        } catch (IOException e) {
            // The server socket was closed: the forward stopped.
        } finally {
            threads.remove(Thread.currentThread());
        }
    }

    /** One local connection: a stream to the current Pod, local bytes copied to it here, the Pod's on the stream's thread. */
    private void serve(Socket socket) {
        connections.incrementAndGet();
        onChange.run();
        PodTunnel tunnel = null;
        PodPort to = null;
        try {
            for (int attempt = 0; attempt < 3 && tunnel == null; attempt++) {
                to = awaitPod();
                if (to == null) {
                    return;
                }
                routes.put(socket, to);
                try {
                    tunnel = session.tunnel(target.namespace(), to.pod(), to.port(), socket.getOutputStream(),
                            new Counting(), () -> closeQuietly(socket));
                } catch (ProblemException e) {
                    if (e.problem().kind() != Problem.Kind.NOT_FOUND || target.pinned()) {
                        set(State.ERROR, e.getMessage());
                        return;
                    }
                    // The pod went before the watch said so: wait for the next one.
                    forget(to);
                }
            }
            if (tunnel == null) {
                return;
            }
            synchronized (lock) {
                if (state == State.ERROR && watchProblem == null && current != null) {
                    state = State.ACTIVE;
                    message = "";
                }
            }
            onChange.run();
            copyToPod(socket, tunnel);
        } catch (IOException e) {
            // The local socket failed: the connection is over.
        } finally {
            if (tunnel != null) {
                tunnel.close();
                String refused = tunnel.errorText();
                if (!refused.isEmpty()) {
                    set(State.ERROR, "Pod " + to.pod() + " port " + to.port() + " refused the connection: " + refused);
                }
            }
            closeQuietly(socket);
            sockets.remove(socket);
            routes.remove(socket);
            connections.decrementAndGet();
            threads.remove(Thread.currentThread());
            onChange.run();
        }
    }

    private void copyToPod(Socket socket, PodTunnel tunnel) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[BUFFER];
        int read;
        while (!tunnel.isClosed() && (read = in.read(buffer)) >= 0) {
            tunnel.send(buffer, read);
        }
    }

    private PodPort awaitPod() {
        long deadline = System.currentTimeMillis() + WAIT_FOR_POD_MS;
        synchronized (lock) {
            while (current == null && !closed) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return null;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
            }
            return closed ? null : current;
        }
    }

    private void forget(PodPort gone) {
        synchronized (lock) {
            watched.forEach(objects -> objects.values().removeIf(o -> o.kind().equals("Pod") && o.name().equals(gone.pod())));
            if (gone.equals(current)) {
                current = null;
            }
            if (!target.kind().equals("Service")) {
                resolve(false);
            }
        }
    }

    /**
     * For a forward whose pinned Pod is gone: the same port on the Pods of the Pod's owner, found by the Pod's
     * labels without the per-revision ones (so a rollout's new Pods match too); empty otherwise.
     */
    public Optional<ForwardTarget> replacement() {
        synchronized (lock) {
            if (!target.pinned() || lastPod == null || current != null || state != State.ERROR) {
                return Optional.empty();
            }
            return ForwardPods.siblingsOf(lastPod, target.port());
        }
    }

    public ForwardTarget target() {
        return target;
    }

    public String context() {
        return session.info().context().name();
    }

    /** The local port, or 0 if none could be bound. */
    public int localPort() {
        return server == null ? 0 : server.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}, where a browser reaches the forward; "" if it has no port. */
    public String url() {
        if (server == null) {
            return "";
        }
        String host = server.getInetAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort();
    }

    public Status status() {
        synchronized (lock) {
            return new Status(state, message, current == null ? "" : current.pod(), connections.get(), bytesIn.sum(), bytesOut.sum());
        }
    }

    /** Stops listening, closes every connection and watch, and waits (briefly) for its threads to end. */
    @Override
    public void close() {
        stop(State.STOPPED, "Stopped.");
    }

    private void stop(State finalState, String finalMessage) {
        List<AutoCloseable> stopping;
        synchronized (lock) {
            if (closed) {
                return;
            }
            state = finalState;
            message = finalMessage;
            closed = true;
            lock.notifyAll();
            stopping = new ArrayList<>(watches);
            watches.clear();
        }
        closeQuietly(server);
        sockets.forEach(Forward::closeQuietly);
        stopping.forEach(Forward::closeQuietly);
        for (Thread thread : List.copyOf(threads)) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        onChange.run();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Stopping: nothing left to tell anyone.
        }
    }

    /** Counts the bytes of all this forward's connections. */
    private final class Counting implements PodTunnel.Traffic {
        @Override
        public void fromPod(int bytes) {
            bytesIn.add(bytes);
        }

        @Override
        public void toPod(int bytes) {
            bytesOut.add(bytes);
        }
    }
}

package dev.wheelhouse.bench;

import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.service.ClusterSession;
import dev.wheelhouse.service.Forward;
import dev.wheelhouse.service.ForwardTarget;
import dev.wheelhouse.service.PortForwardService;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Port-forward benchmark (issue 10): HTTP requests through a Wheelhouse forward and through
 * {@code kubectl port-forward} to the same pod, in the same run, alternating rounds so both see the same cluster.
 * Each request is a new connection (as the sandbox's HTTP/1.0 helper closes each), so it measures what a forward
 * adds per connection (a new stream through the API server) as well as per byte.
 * Prints request latency over one kept-alive connection (what the forward adds per request) and the throughput of
 * pipelined requests on it (the sandbox's answers are small, so many of them stand in for a large body), over a new connection
 * per request (p50/p95/p99, one client; each pays for a new stream and, in the sandbox, a new helper process) and throughput (requests/s and MB/s of request plus answer,
 * with CONCURRENCY clients). Asserts nothing. Run by sandbox/bench-forward.
 * Arguments: KUBECONFIG CONTEXT KUBECTL NAMESPACE POD PORT [REQUESTS [CONCURRENCY [ROUNDS]]]
 */
public final class PortForwardBench {
    private static final byte[] REQUEST = "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private PortForwardBench() {
    }

    public static void main(String[] args) throws Exception {
        Path kubeconfig = Path.of(args[0]);
        String context = args[1];
        String kubectl = args[2];
        String namespace = args[3];
        String pod = args[4];
        int port = Integer.parseInt(args[5]);
        int requests = args.length > 6 ? Integer.parseInt(args[6]) : 500;
        int concurrency = args.length > 7 ? Integer.parseInt(args[7]) : 16;
        int rounds = args.length > 8 ? Integer.parseInt(args[8]) : 3;

        int kubectlPort = freePort();
        Process portForward = new ProcessBuilder(kubectl, "--kubeconfig", kubeconfig.toString(), "--context", context,
                "-n", namespace, "port-forward", "pod/" + pod, kubectlPort + ":" + port).redirectErrorStream(true).start();
        try (ClusterSession session = new ClusterService(List.of(kubeconfig)).connect(context);
             PortForwardService forwards = new PortForwardService()) {
            awaitForwarding(portForward);
            Forward forward = forwards.start(session, ForwardTarget.pod(namespace, pod, port), null, 0);
            long deadline = System.currentTimeMillis() + 15_000;
            while (forward.status().state() != Forward.State.ACTIVE && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            if (forward.status().state() != Forward.State.ACTIVE) {
                throw new IllegalStateException("the forward did not become active: " + forward.status());
            }
            System.out.printf("Pod %s/%s port %d; %d requests per measurement, %d concurrent clients for throughput, %d rounds%n",
                    namespace, pod, port, requests, concurrency, rounds);
            // Warm up both (JIT, connection pools, the API server's caches).
            measure(forward.localPort(), 50, 4);
            measure(kubectlPort, 50, 4);
            for (int round = 1; round <= rounds; round++) {
                report("round " + round + " wheelhouse", forward.localPort(), requests, concurrency);
                report("round " + round + " kubectl   ", kubectlPort, requests, concurrency);
            }
            System.out.printf("Wheelhouse forward after the run: %s%n", forward.status());
        } finally {
            portForward.destroy();
            portForward.waitFor(5, TimeUnit.SECONDS);
        }
        System.exit(0);
    }

    private static void report(String label, int localPort, int requests, int concurrency) throws Exception {
        long[] kept = keptAlive(localPort, requests);
        Arrays.sort(kept);
        double[] pipelined = pipelined(localPort, requests * 20);
        Result latency = measure(localPort, requests, 1);
        Result throughput = measure(localPort, requests, concurrency);
        long[] sorted = latency.nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s  one connection: p50 %.2f ms  p95 %.2f ms, pipelined %.0f requests/s %.2f MB/s"
                        + " | new connections: p50 %.2f ms  p95 %.2f ms  p99 %.2f ms | %d clients: %.0f requests/s  %.3f MB/s  (%d failed)%n",
                label, ms(kept, 0.50), ms(kept, 0.95), pipelined[0], pipelined[1],
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), concurrency,
                requests / throughput.seconds, throughput.bytes / throughput.seconds / 1_000_000, latency.failed + throughput.failed);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1_000_000.0;
    }

    private record Result(long[] nanos, long bytes, double seconds, int failed) {
    }

    /** {@code requests} GETs, each on a new connection, spread over {@code clients} threads. */
    private static Result measure(int localPort, int requests, int clients) throws Exception {
        long[] nanos = new long[requests];
        AtomicLong bytes = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            int index = i;
            done.add(pool.submit(() -> {
                long began = System.nanoTime();
                try {
                    long answered = get(localPort);
                    bytes.addAndGet(answered + REQUEST.length);
                } catch (IOException e) {
                    failed.incrementAndGet();
                }
                nanos[index] = System.nanoTime() - began;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Result(nanos, bytes.get(), seconds, (int) failed.get());
    }

    /** {@code requests} HTTP/1.1 GETs one after another over one kept-alive connection: what each costs without a new stream. */
    private static long[] keptAlive(int localPort, int requests) throws IOException {
        long[] nanos = new long[requests];
        byte[] request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", localPort), 5_000);
            socket.setSoTimeout(30_000);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            for (int i = 0; i < requests; i++) {
                long began = System.nanoTime();
                out.write(request);
                out.flush();
                readAnswer(in);
                nanos[i] = System.nanoTime() - began;
            }
        }
        return nanos;
    }

    /**
     * {@code requests} HTTP/1.1 GETs sent back to back on one connection while their answers are read: the
     * forward's throughput with the pod's process already running. Returns requests/s and MB/s (both directions).
     */
    private static double[] pipelined(int localPort, int requests) throws Exception {
        byte[] request = "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", localPort), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            long start = System.nanoTime();
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; i < requests; i++) {
                        out.write(request);
                    }
                    out.flush();
                } catch (IOException e) {
                    // The reader fails too, and says so.
                }
            });
            writer.start();
            long bytes = (long) requests * request.length;
            for (int i = 0; i < requests; i++) {
                bytes += readAnswer(in);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            writer.join();
            return new double[] {requests / seconds, bytes / seconds / 1_000_000};
        }
    }

    /** Reads one HTTP answer: headers up to the blank line, then Content-Length bytes; checks it is a 200 and returns its size. */
    private static long readAnswer(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection ended mid-answer");
            }
            headers.append((char) b);
        }
        int length = headers.toString().lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToInt(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(0);
        if (!headers.toString().startsWith("HTTP/1.") || !headers.toString().startsWith(" 200", 8)) {
            throw new IOException("not a 200 answer: " + headers.toString().lines().findFirst().orElse(""));
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("the connection ended mid-answer");
        }
        return headers.length() + length;
    }

    /** One HTTP/1.0 GET; returns the bytes of the answer (status line, headers and body). */
    private static long get(int localPort) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", localPort), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST);
            out.flush();
            // Read by Content-Length, not to the end: kubectl's forward does not always pass on the pod's close.
            return readAnswer(new BufferedInputStream(socket.getInputStream()));
        }
    }

    private static void awaitForwarding(Process portForward) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(portForward.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            if (line.startsWith("Forwarding from")) {
                // Keep reading its output, or kubectl blocks once the pipe is full ("Handling connection for…").
                Thread drain = new Thread(() -> {
                    try {
                        output.transferTo(Writer.nullWriter());
                    } catch (IOException ignored) {
                        // kubectl ended.
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("kubectl port-forward ended before forwarding");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

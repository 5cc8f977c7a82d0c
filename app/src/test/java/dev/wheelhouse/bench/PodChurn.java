package dev.wheelhouse.bench;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Updates pods at a steady rate (a merge patch of one annotation each), spread over the cluster's pods,
 * so every update reaches the table's watch as a MODIFIED event. Requests in flight are capped: if the
 * API server cannot keep up, updates are skipped and the achieved rate, which is reported, is lower.
 */
final class PodChurn implements AutoCloseable {
    private static final int IN_FLIGHT = 32;

    private final BenchClient client;
    private final List<String> podPaths = new ArrayList<>();
    private final ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String firstFailure = "";
    private volatile boolean running;
    private Thread pacer;

    PodChurn(BenchClient client, int pods) throws Exception {
        this.client = client;
        byte[] page = client.get("/api/v1/pods?limit=" + pods, BenchClient.TABLE + ";includeObject=Metadata");
        for (JsonElement row : JsonParser.parseString(new String(page, StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonArray("rows")) {
            JsonObject metadata = row.getAsJsonObject().getAsJsonObject("object").getAsJsonObject("metadata");
            podPaths.add("/api/v1/namespaces/" + metadata.get("namespace").getAsString() + "/pods/" + metadata.get("name").getAsString());
        }
    }

    /** Starts sending perSecond updates a second, from a pacing thread. */
    void start(int perSecond) {
        running = true;
        long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
        pacer = new Thread(() -> {
            long next = System.nanoTime();
            long sequence = 0;
            while (running) {
                next += interval;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                if (!slots.tryAcquire()) {
                    continue;
                }
                String path = podPaths.get((int) (sequence % podPaths.size()));
                String patch = "{\"metadata\":{\"annotations\":{\"wheelhouse.dev/bench-tick\":\"" + sequence++ + "\"}}}";
                senders.execute(() -> {
                    try {
                        client.mergePatch(path, patch);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        if (failed.getAndIncrement() == 0) {
                            firstFailure = e.getMessage();
                        }
                    } finally {
                        slots.release();
                    }
                });
            }
        }, "pod-churn");
        pacer.setDaemon(true);
        pacer.start();
    }

    long done() {
        return done.get();
    }

    long failed() {
        return failed.get();
    }

    String firstFailure() {
        return firstFailure;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (pacer != null) {
            pacer.join();
        }
        senders.shutdown();
        senders.awaitTermination(30, TimeUnit.SECONDS);
    }
}

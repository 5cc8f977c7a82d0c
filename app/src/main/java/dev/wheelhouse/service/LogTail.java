package dev.wheelhouse.service;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.model.ResourceType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The live logs of one target: its pods are watched, each started container of each pod is read by its own
 * {@link PodLogFollower}, their lines are merged by time and handed on every {@value #FLUSH_MS} ms as a
 * {@link LogBatch}, on a background thread. Pods that appear later join (with a note), pods that go away end
 * their streams (with a note), and a container's restart, seen in its pod's status, adds a note where it
 * happened. Closing cancels every request and ends every thread at once.
 */
public final class LogTail implements AutoCloseable {
    static final long FLUSH_MS = 100;
    /**
     * A fast log is handed on at most this often: each batch costs the view passes over all its rows, whatever
     * the batch's size, so at tens of thousands of lines a second fewer, larger batches keep the UI smooth.
     */
    public static final long FAST_FLUSH_MS = 300;
    /** How many lines waiting make a log fast. */
    static final int FAST_LINES = 2_000;
    /** How long a quiet stream may hold back the others' lines, waiting to put its own before them. */
    static final long HOLDBACK_MS = 300;
    /** How long a deleted pod's stream may go on delivering its last lines. */
    private static final long GONE_GRACE_MS = 2000;
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final ClusterSession session;
    private final ClusterConnection connection;
    private final LogTarget target;
    private final LogOptions options;
    private final Consumer<LogBatch> sink;
    private final Consumer<LogTail> onClosed;
    private final LogMerger merger = new LogMerger(TimeUnit.MILLISECONDS.toNanos(HOLDBACK_MS));
    private final ExecutorService streamThreads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "wheelhouse-log-" + THREAD_IDS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "wheelhouse-log-flush-" + THREAD_IDS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    // Guarded by this.
    private final Map<String, PodStatus> pods = new LinkedHashMap<>();
    private final Map<String, PodLogFollower> followers = new HashMap<>();
    private final Map<String, LogState> states = new HashMap<>();
    private final Map<String, String> details = new HashMap<>();
    private boolean podsListed;
    private String targetProblem;
    /** The pod or workload watch's latest failure, until a new list succeeds (the watch retries by itself). */
    private String watchProblem;
    private ListSelector podSelector;
    /** A pod target's pod was deleted: its log is over (as kubectl's ends), unless a pod of that name comes back. */
    private String podGone;
    private AutoCloseable podWatch;
    private AutoCloseable workloadWatch;
    private boolean closed;
    private List<String> lastPods;
    private List<String> lastContainers;
    private LogState lastState;
    private String lastDetail;
    /** Held while handing a batch on, so that none follows the last one: set {@code stopped} under it. */
    private final Object handingOn = new Object();
    private boolean stopped;
    /** Lines drained from the merger and not yet handed on; touched only by the flusher. */
    private List<LogLine> waiting = new ArrayList<>();
    private long lastHandedOn;

    LogTail(ClusterSession session, ClusterConnection connection, LogTarget target, LogOptions options, Consumer<LogBatch> sink,
            Consumer<LogTail> onClosed) {
        this.session = session;
        this.connection = connection;
        this.target = target;
        this.options = options;
        this.sink = sink;
        this.onClosed = onClosed;
    }

    void start() {
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
        if (target.isPod() || target.isSelector()) {
            if (target.isSelector() && target.selector().isEmpty()) {
                synchronized (this) {
                    targetProblem = "Type a label selector, such as app=web";
                }
                return;
            }
            watchPods(target.podSelector());
            return;
        }
        ResourceType type = new KindRegistry().findByKind(target.kind())
                .orElseThrow(() -> new IllegalArgumentException("Not a kind with pods: " + target.kind())).type();
        AutoCloseable watch = session.watch(type, target.namespace(), ListSelector.fields("metadata.name=" + target.name()),
                this::onWorkload);
        synchronized (this) {
            if (closed) {
                closeQuietly(watch);
            } else {
                workloadWatch = watch;
            }
        }
    }

    /** The workload's selector picks its pods; a changed selector (kubectl apply) watches the new pods. */
    private void onWorkload(Batch batch) {
        noteWatchProblem(batch);
        if (!batch.deletedUids().isEmpty() && batch.upserts().isEmpty()) {
            synchronized (this) {
                targetProblem = target.describe() + " was deleted";
            }
        }
        for (KubeObject workload : batch.upserts()) {
            String selector = LogSelectors.of(workload);
            if (selector.isEmpty()) {
                synchronized (this) {
                    targetProblem = target.describe() + " selects no pods (it has no selector)";
                }
                continue;
            }
            synchronized (this) {
                targetProblem = null;
            }
            watchPods(ListSelector.labels(selector));
        }
        if (batch.synced() && batch.upserts().isEmpty()) {
            synchronized (this) {
                if (podSelector == null) {
                    targetProblem = target.describe() + " was not found in " + target.namespace();
                }
            }
        }
    }

    private void watchPods(ListSelector selector) {
        AutoCloseable previous;
        synchronized (this) {
            if (closed || selector.equals(podSelector)) {
                return;
            }
            podSelector = selector;
            previous = podWatch;
            podWatch = null;
            podsListed = false;
        }
        closeQuietly(previous);
        AutoCloseable watch = session.watch(Pods.DESCRIPTOR.type(), target.namespace(), selector, this::onPods);
        synchronized (this) {
            if (closed || !selector.equals(podSelector)) {
                closeQuietly(watch);
            } else {
                podWatch = watch;
            }
        }
    }

    private synchronized void onPods(Batch batch) {
        if (closed) {
            return;
        }
        noteWatchProblem(batch);
        long now = System.nanoTime();
        boolean joinedLater = podsListed;
        for (String uid : batch.deletedUids()) {
            PodStatus gone = pods.remove(uid);
            if (gone != null) {
                merger.addNote(LogLine.note(Instant.now(), gone.name, null, "pod " + gone.name + " went away"), now);
                endPod(gone.name);
                if (target.isPod()) {
                    podGone = "pod " + gone.name + " was deleted";
                }
            }
        }
        for (KubeObject object : batch.upserts()) {
            PodStatus before = pods.get(object.uid());
            PodStatus after = PodStatus.of(object);
            pods.put(object.uid(), after);
            podGone = null;
            if (before == null && joinedLater) {
                merger.addNote(LogLine.note(Instant.now(), after.name, null, "pod " + after.name + " joined"), now);
            }
            if (before != null) {
                noteRestarts(before, after, now);
            }
            startFollowers(after);
        }
        if (batch.synced()) {
            // A new list after a failure forgets pods deleted meanwhile (their uids come as deletions above).
            podsListed = true;
        }
    }

    private synchronized void noteWatchProblem(Batch batch) {
        if (batch.problem() != null) {
            watchProblem = batch.problem().message();
        } else if (batch.synced()) {
            watchProblem = null;
        }
    }

    private void noteRestarts(PodStatus before, PodStatus after, long now) {
        after.containers.forEach((name, status) -> {
            ContainerStatus was = before.containers.get(name);
            if (was == null || !was.started() || !status.started()) {
                return;
            }
            boolean restarted = status.restartCount > was.restartCount
                    || !Objects.equals(status.containerId, was.containerId) && !was.containerId.isEmpty();
            if (restarted && (options.container() == null || options.container().equals(name))) {
                Instant at = status.startedAt != null ? status.startedAt : Instant.now();
                merger.addNote(LogLine.note(at, after.name, name, "container " + name + " restarted (restart "
                        + status.restartCount + (status.containerId.isEmpty() ? "" : ", " + shortId(status.containerId)) + ")"), now);
            }
        });
    }

    private static String shortId(String containerId) {
        String id = containerId.contains("://") ? containerId.substring(containerId.indexOf("://") + 3) : containerId;
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private void startFollowers(PodStatus pod) {
        for (ContainerStatus container : pod.containers.values()) {
            if (options.container() != null ? !options.container().equals(container.name) : container.ephemeral) {
                continue;
            }
            // A container that never started has no log yet (the server answers 400); its status will change.
            if (!container.started() && options.container() == null) {
                continue;
            }
            String key = pod.name + "/" + container.name;
            if (followers.containsKey(key)) {
                continue;
            }
            String podName = pod.name;
            String containerName = container.name;
            PodLogFollower follower = new PodLogFollower(connection, target.namespace(), podName, containerName, options,
                    () -> mayWriteMore(podName, containerName), followerListener);
            followers.put(key, follower);
            states.put(key, LogState.WAITING);
            merger.open(key);
            streamThreads.execute(follower);
        }
    }

    private synchronized boolean mayWriteMore(String podName, String containerName) {
        for (PodStatus pod : pods.values()) {
            if (pod.name.equals(podName)) {
                ContainerStatus container = pod.containers.get(containerName);
                return !pod.finished() && container != null && !(container.init && container.terminated);
            }
        }
        return false;
    }

    private void endPod(String podName) {
        List<PodLogFollower> ending = followers.values().stream().filter(f -> f.pod().equals(podName)).toList();
        flusher.schedule(() -> ending.forEach(f -> {
            f.close();
            synchronized (this) {
                if (followers.remove(f.key(), f)) {
                    merger.close(f.key());
                    states.remove(f.key());
                    details.remove(f.key());
                }
            }
        }), GONE_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    private final PodLogFollower.Listener followerListener = new PodLogFollower.Listener() {
        @Override
        public void lines(PodLogFollower from, List<LogLine> lines) {
            merger.addAll(from.key(), lines, System.nanoTime());
        }

        @Override
        public void state(PodLogFollower from, LogState state, String detail) {
            synchronized (LogTail.this) {
                if (followers.get(from.key()) != from) {
                    return;
                }
                states.put(from.key(), state);
                details.put(from.key(), detail);
                if (state == LogState.ENDED || state == LogState.ERROR) {
                    merger.close(from.key());
                }
            }
        }
    };

    private void flush() {
        long now = System.nanoTime();
        waiting.addAll(merger.drain(now));
        if (waiting.size() >= FAST_LINES && now - lastHandedOn < TimeUnit.MILLISECONDS.toNanos(FAST_FLUSH_MS)) {
            return;
        }
        List<LogLine> lines = waiting;
        LogBatch batch;
        synchronized (this) {
            if (closed) {
                return;
            }
            LogState state = overallState();
            String detail = detailOf(state);
            List<String> podNames = new ArrayList<>(new TreeSet<>(pods.values().stream().map(p -> p.name).toList()));
            TreeSet<String> containerNames = new TreeSet<>();
            pods.values().forEach(p -> containerNames.addAll(p.containers.keySet()));
            List<String> containers = new ArrayList<>(containerNames);
            boolean podsChanged = !podNames.equals(lastPods);
            boolean containersChanged = !containers.equals(lastContainers);
            if (lines.isEmpty() && !podsChanged && !containersChanged && state == lastState && Objects.equals(detail, lastDetail)) {
                return;
            }
            lastPods = podNames;
            lastContainers = containers;
            lastState = state;
            lastDetail = detail;
            batch = new LogBatch(lines, state, detail, podsChanged ? podNames : null, containersChanged ? containers : null);
        }
        waiting = new ArrayList<>();
        lastHandedOn = now;
        synchronized (handingOn) {
            if (!stopped) {
                sink.accept(batch);
            }
        }
    }

    private LogState overallState() {
        if (targetProblem != null || missingContainer() != null) {
            return LogState.ERROR;
        }
        if (states.containsValue(LogState.RECONNECTING) || watchProblem != null && !states.containsValue(LogState.STREAMING)) {
            return LogState.RECONNECTING;
        }
        if (states.containsValue(LogState.STREAMING)) {
            return LogState.STREAMING;
        }
        if (states.containsValue(LogState.WAITING) || !podsListed) {
            return LogState.WAITING;
        }
        if (states.containsValue(LogState.ERROR)) {
            return LogState.ERROR;
        }
        if (states.isEmpty()) {
            return options.follow() && podGone == null ? LogState.WAITING : LogState.ENDED;
        }
        return LogState.ENDED;
    }

    /**
     * The container asked for, when no listed pod has one of that name (kubectl: "is not valid for pod"); null
     * otherwise. Without this, no stream would ever start and the tail would wait forever.
     */
    private String missingContainer() {
        String wanted = options.container();
        if (wanted == null || !podsListed || pods.isEmpty()
                || pods.values().stream().anyMatch(pod -> pod.containers.containsKey(wanted))) {
            return null;
        }
        if (pods.size() == 1) {
            PodStatus pod = pods.values().iterator().next();
            return "container " + wanted + " is not valid for pod " + pod.name + " (its containers: "
                    + String.join(", ", pod.containers.keySet()) + ")";
        }
        return "container " + wanted + " is in none of the " + pods.size() + " pods of " + target.describe();
    }

    private String detailOf(LogState state) {
        if (targetProblem != null) {
            return targetProblem;
        }
        if (missingContainer() != null) {
            return missingContainer();
        }
        if (watchProblem != null && state == LogState.RECONNECTING && !states.containsValue(LogState.RECONNECTING)) {
            return watchProblem;
        }
        if (states.isEmpty() && podGone != null) {
            return podGone;
        }
        if (states.isEmpty()) {
            return podsListed ? (pods.isEmpty() ? "no pods match " + target.describe() : "no container has started yet") : "";
        }
        for (Map.Entry<String, LogState> entry : states.entrySet()) {
            String detail = details.get(entry.getKey());
            if (entry.getValue() == state && detail != null && !detail.isEmpty()) {
                return (followers.size() > 1 ? entry.getKey() + ": " : "") + detail;
            }
        }
        return "";
    }

    /** How many container streams this tail runs; for tests. */
    public synchronized int followerCount() {
        return followers.size();
    }

    /** Stops at once: requests are cancelled, threads end, and nothing reaches the sink once this returns. */
    @Override
    public void close() {
        stop(null);
    }

    /** Stops as {@link #close()} does, then hands on a last batch: ended, for {@code reason}. */
    void end(String reason) {
        stop(reason);
    }

    private void stop(String reason) {
        List<PodLogFollower> stopping;
        List<AutoCloseable> watches;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            stopping = List.copyOf(followers.values());
            watches = new ArrayList<>();
            watches.add(podWatch);
            watches.add(workloadWatch);
            followers.clear();
        }
        stopping.forEach(PodLogFollower::close);
        watches.forEach(LogTail::closeQuietly);
        // The followers are closed: their threads end without an interrupt (see PodLogFollower#close).
        streamThreads.shutdown();
        flusher.shutdownNow();
        synchronized (handingOn) {
            stopped = true;
            if (reason != null) {
                sink.accept(new LogBatch(List.of(), LogState.ENDED, reason, null, null));
            }
        }
        onClosed.accept(this);
    }

    private static void closeQuietly(AutoCloseable handle) {
        if (handle == null) {
            return;
        }
        try {
            handle.close();
        } catch (Exception ignored) {
            // Closing only stops threads and sockets.
        }
    }

    /** What a pod's status says of its containers, as far as logs care. */
    private record PodStatus(String name, String phase, Map<String, ContainerStatus> containers) {
        static PodStatus of(KubeObject pod) {
            Map<String, ContainerStatus> containers = new LinkedHashMap<>();
            addSpecs(containers, pod.list("spec.initContainers"), true, false);
            addSpecs(containers, pod.list("spec.containers"), false, false);
            addSpecs(containers, pod.list("spec.ephemeralContainers"), false, true);
            for (String field : List.of("status.initContainerStatuses", "status.containerStatuses", "status.ephemeralContainerStatuses")) {
                for (Object item : pod.list(field)) {
                    KubeObject status = new KubeObject(asMap(item));
                    ContainerStatus spec = containers.get(status.string("name"));
                    if (spec != null) {
                        containers.put(spec.name, spec.withStatus(status));
                    }
                }
            }
            return new PodStatus(pod.name(), pod.string("status.phase"), containers);
        }

        boolean finished() {
            return phase.equals("Succeeded") || phase.equals("Failed");
        }

        private static void addSpecs(Map<String, ContainerStatus> into, List<Object> specs, boolean init, boolean ephemeral) {
            for (Object spec : specs) {
                String name = String.valueOf(asMap(spec).get("name"));
                into.put(name, new ContainerStatus(name, init, ephemeral, 0, "", false, false, null));
            }
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> asMap(Object item) {
            return item instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        }
    }

    private record ContainerStatus(String name, boolean init, boolean ephemeral, long restartCount, String containerId,
                                   boolean running, boolean terminated, Instant startedAt) {
        ContainerStatus withStatus(KubeObject status) {
            return new ContainerStatus(name, init, ephemeral, status.number("restartCount", 0), status.string("containerID"),
                    status.path("state.running").isPresent(), status.path("state.terminated").isPresent(),
                    time(status.string("state.running.startedAt")));
        }

        /** Whether it has a log: it runs or ran, now or before a restart. */
        boolean started() {
            return running || terminated || restartCount > 0 || !containerId.isEmpty();
        }

        private static Instant time(String text) {
            try {
                return text.isEmpty() ? null : Instant.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}

package dev.wheelhouse.service.labs;

import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.service.ClusterSession;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Follows one lab on one cluster: it watches every list the lab's checks read (shared watches of the session,
 * no polling) and, whenever one changes, ticks off the next steps whose checks all hold. Steps are done in order
 * and stay done: a later step may undo an earlier one's state (rolling back undoes the rollout) without
 * taking its tick away. Checks wait until every list has been listed once, so a half-known cluster ticks nothing.
 */
public final class LabTracker implements AutoCloseable {
    private final Lab lab;
    private final IntConsumer onProgress;
    private final Consumer<String> onProblem;
    /** Why a list cannot be read (RBAC forbids it, the server is away), by list, until it is listed again. */
    private final Map<LabCheck.Watched, String> problems = new LinkedHashMap<>();
    private String reportedProblem = "";
    private final Map<LabCheck.Watched, Map<String, KubeObject>> live = new HashMap<>();
    private final Set<LabCheck.Watched> synced = new HashSet<>();
    private final Set<LabCheck.Watched> lists = new LinkedHashSet<>();
    private final List<AutoCloseable> watches = new ArrayList<>();
    private int done;

    private LabTracker(Lab lab, int alreadyDone, IntConsumer onProgress, Consumer<String> onProblem) {
        this.lab = lab;
        this.done = Math.max(0, Math.min(alreadyDone, lab.steps().size()));
        this.onProgress = onProgress;
        this.onProblem = onProblem;
        lab.steps().forEach(step -> step.checks().forEach(check -> lists.addAll(check.watched())));
    }

    /**
     * Starts following {@code lab}, of which {@code alreadyDone} steps were done before; {@code onProgress} gets the
     * new count of done steps each time it grows, on the session's batch thread; {@code onProblem} gets why a step
     * cannot be checked (a list RBAC forbids), or "" once it can again: without it, a student would wait for a
     * tick that cannot come. Close to stop watching.
     */
    public static LabTracker start(ClusterSession session, Lab lab, int alreadyDone, IntConsumer onProgress,
                                   Consumer<String> onProblem) {
        LabTracker tracker = new LabTracker(lab, alreadyDone, onProgress, onProblem);
        try {
            for (LabCheck.Watched list : tracker.lists) {
                String namespace = list.namespace().isEmpty() ? null : list.namespace();
                tracker.watches.add(session.watch(list.type(), namespace, batch -> tracker.apply(list, batch)));
            }
        } catch (RuntimeException e) {
            tracker.close();
            throw e;
        }
        return tracker;
    }

    private void apply(LabCheck.Watched list, Batch batch) {
        int now;
        String problem = null;
        synchronized (this) {
            Map<String, KubeObject> objects = live.computeIfAbsent(list, l -> new LinkedHashMap<>());
            batch.deletedUids().forEach(objects::remove);
            batch.upserts().forEach(o -> objects.put(o.uid(), o));
            if (batch.synced()) {
                synced.add(list);
                problems.remove(list);
            }
            if (batch.problem() != null) {
                problems.put(list, batch.problem().message());
            }
            String current = problems.values().stream().findFirst().map(text -> "Cannot check the steps: " + text).orElse("");
            if (!current.equals(reportedProblem)) {
                reportedProblem = current;
                problem = current;
            }
            int before = done;
            if (synced.containsAll(lists)) {
                while (done < lab.steps().size() && holds(lab.steps().get(done))) {
                    done++;
                }
            }
            now = done == before ? -1 : done;
        }
        if (problem != null) {
            onProblem.accept(problem);
        }
        if (now >= 0) {
            onProgress.accept(now);
        }
    }

    private boolean holds(LabStep step) {
        LabCheck.LiveObjects view = list -> List.copyOf(live.getOrDefault(list, Map.of()).values());
        return step.checks().stream().allMatch(check -> check.holds(view));
    }

    /** How many steps are done, counted from the first. */
    public synchronized int stepsDone() {
        return done;
    }

    @Override
    public void close() {
        for (AutoCloseable watch : watches) {
            try {
                watch.close();
            } catch (Exception e) {
                // Closing a watch only stops deliveries; nothing is left to undo.
            }
        }
        watches.clear();
    }
}

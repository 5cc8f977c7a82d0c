package dev.wheelhouse.bench;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.testing.NoWorkspace;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.switcher.Candidate;
import dev.wheelhouse.ui.switcher.QuickSwitcherViewModel;
import dev.wheelhouse.ui.switcher.SwitcherMatcher;
import dev.wheelhouse.ui.switcher.SwitcherSources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * How long the quick switcher takes to rank 10,000 loaded pods as you type: the matcher alone, and
 * the view model's whole refresh (matching, ranking, the results list). Prints the median and the
 * worst of repeated runs per query; asserts nothing. The goal (issue 7) is results within 50 ms.
 * Arguments: [PODS] [RUNS], default 10000 and 50.
 */
public final class SwitcherBench {
    private static final String[] APPS = {"frontend", "backend", "api-gateway", "payments", "checkout", "cart",
            "catalog", "search", "recommendations", "auth", "notifications", "billing", "inventory", "shipping",
            "analytics", "log-collector", "metrics-exporter", "redis-cache", "postgres", "kafka-consumer"};
    private static final String HASH = "bcdfghjklmnpqrstvwxz2456789";
    private static final String[] QUERIES = {"f", "fd", "dep", "frontend", "fe-x2k", "x2k4q", "pay7d",
            "recommendations-deployment", "zzzz"};

    private SwitcherBench() {
    }

    public static void main(String[] args) {
        int pods = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        List<String> names = podNames(pods);
        System.out.printf("%d pod names, e.g. %s; %d runs per query after %d warm-up runs%n", names.size(), names.get(0), runs, runs);

        System.out.println("SwitcherMatcher.top(query, names, 50):");
        for (String query : QUERIES) {
            report(query, runs, () -> SwitcherMatcher.top(query, names, Function.identity(), 50).size());
        }

        List<Candidate> candidates = new ArrayList<>();
        new KindRegistry().builtIn().forEach(kind -> candidates.add(Candidate.kind(kind)));
        names.forEach(name -> candidates.add(Candidate.object(Pods.DESCRIPTOR, "dev", name, null)));
        QuickSwitcherViewModel switcher = new QuickSwitcherViewModel(new SwitcherSources() {
            @Override
            public List<Candidate> loaded() {
                return candidates;
            }

            @Override
            public Optional<ObjectSearch> searchAllKinds() {
                return Optional.empty();
            }
        }, new NoWorkspace(), context -> { }, new BackgroundTasks(Runnable::run, Runnable::run));
        switcher.open();
        System.out.println("QuickSwitcherViewModel, typing a query (" + candidates.size() + " candidates):");
        for (String query : QUERIES) {
            report(query, runs, () -> {
                switcher.queryProperty().set("");
                switcher.queryProperty().set(query);
                return switcher.results().size();
            });
        }
    }

    /** Deployment pods as a ReplicaSet names them: app-deployment-<hash>-<5 letters>. */
    private static List<String> podNames(int count) {
        Random random = new Random(7);
        List<String> names = new ArrayList<>(count);
        names.add("frontend-deployment-7d9f8c6b5-x2k4q");
        while (names.size() < count) {
            String app = APPS[random.nextInt(APPS.length)];
            names.add(app + "-deployment-" + random(random, 9 + random.nextInt(2)) + "-" + random(random, 5));
        }
        return names;
    }

    private static String random(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(HASH.charAt(random.nextInt(HASH.length())));
        }
        return text.toString();
    }

    private interface Run {
        int results();
    }

    private static void report(String query, int runs, Run run) {
        for (int i = 0; i < runs; i++) {
            run.results();
        }
        double[] ms = new double[runs];
        int results = 0;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            results = run.results();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("  %-28s %3d results   median %6.2f ms   max %6.2f ms%n", "'" + query + "'", results, ms[runs / 2], ms[runs - 1]);
    }
}

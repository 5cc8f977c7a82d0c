package dev.wheelhouse.bench;

import static dev.wheelhouse.bench.FxHarness.onFx;

import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.editor.EditorView;
import dev.wheelhouse.ui.editor.EditorViewModel;
import dev.wheelhouse.ui.editor.YamlHighlighter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;

/**
 * The editor on a 5,000-line manifest, headless: the highlighter alone, opening the tab until its
 * highlighting is painted, and key press → repainted highlighting while typing (goal: under 16 ms).
 * Prints median and worst; asserts nothing. Arguments: [LINES] [KEYS], default 5000 and 200.
 */
public final class EditorBench {
    private EditorBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int keys = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        String manifest = manifest(lines);
        System.out.printf("manifest: %d lines, %d KiB%n", manifest.split("\n").length, manifest.length() / 1024);
        List<Long> pure = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            YamlHighlighter.highlight(manifest);
            pure.add(System.nanoTime() - t);
        }
        report("YamlHighlighter.highlight, whole text from scratch, 30 runs", pure.subList(10, 30));
        List<Long> oneLine = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long t = System.nanoTime();
            YamlHighlighter.line("  replicas: 3" + i + "  # edited", -1);
            oneLine.add(System.nanoTime() - t);
        }
        report("YamlHighlighter.line, the one line a key changes, 30 runs", oneLine.subList(10, 30));

        FxHarness.startHeadless();
        onFx(() -> {
            javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
            return null;
        });
        BackgroundTasks tasks = BackgroundTasks.forJavaFx();
        for (int round = 1; round <= 2; round++) {
            CompletableFuture<Long> painted = new CompletableFuture<>();
            long start = System.nanoTime();
            AtomicReference<EditorView> view = new AtomicReference<>();
            onFx(() -> {
                EditorViewModel model = new EditorViewModel("bench", "bench", EditorViewModel.Origin.NEW, null, "", "", tasks,
                        () -> null, () -> "default", new SimpleObjectProperty<>(), new EditorViewModel.Drafts() {
                            @Override
                            public void keep(dev.wheelhouse.service.DraftStore.Draft draft) {
                            }

                            @Override
                            public void drop(String id) {
                            }
                        });
                model.start(manifest, manifest, "");
                EditorView editor = new EditorView(model);
                editor.onPainted(() -> painted.complete(System.nanoTime()));
                Stage stage = new Stage();
                stage.setScene(new Scene(editor, 1100, 800));
                stage.show();
                view.set(editor);
                return null;
            });
            long done = painted.get(60, TimeUnit.SECONDS);
            System.out.printf("open %d: new tab → highlighting painted: %.0f ms%n", round, (done - start) / 1e6);
            if (round == 2) {
                typing(view.get(), keys);
            }
        }
        System.exit(0); // the toolkit's thread would keep the JVM alive
    }

    /** Types characters into a line in the middle (scrolled into view), one at a time, waiting for each repaint. */
    private static void typing(EditorView editor, int keys) throws Exception {
        List<Long> latencies = new ArrayList<>();
        CodeArea area = editor.area();
        int middle = onFx(() -> area.getParagraphs().size() / 2);
        CompletableFuture<Long> scrolled = new CompletableFuture<>();
        onFx(() -> {
            editor.onPainted(() -> scrolled.complete(System.nanoTime()));
            area.moveTo(middle, 4);
            area.showParagraphAtTop(middle - 10);
            return null;
        });
        scrolled.get(10, TimeUnit.SECONDS);
        FxHarness.waitFor(() -> area.allParToVisibleParIndex(middle).isPresent());
        for (int i = 0; i < keys; i++) {
            CompletableFuture<Long> painted = new CompletableFuture<>();
            String key = i % 10 == 9 ? "\n" : i % 7 == 3 ? "#" : "x";
            long pressed = onFx(() -> {
                editor.onPainted(() -> painted.complete(System.nanoTime()));
                long t = System.nanoTime();
                area.insertText(middle, 4, key);
                return t;
            });
            latencies.add(painted.get(10, TimeUnit.SECONDS) - pressed);
        }
        report("key press → highlighting repainted, " + keys + " keys (every 7th a '#', every 10th Enter)", latencies.subList(20, keys));
    }

    private static void report(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%s: median %.2f ms, p95 %.2f ms, worst %.2f ms%n", what, sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) (sorted.size() * 0.95)) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    /** Deployments and ConfigMaps with block scalars, comments and anchors, to about {@code lines} lines. */
    private static String manifest(int lines) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        while (out.chars().filter(c -> c == '\n').count() < lines) {
            out.append("""
                    ---
                    # service %1$d
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata:
                      name: app-%1$d
                      labels: &labels {app: app-%1$d, tier: "backend"}
                    spec:
                      replicas: 3
                      paused: false
                      selector:
                        matchLabels: *labels
                      template:
                        metadata:
                          labels: *labels
                        spec:
                          containers:
                          - name: web
                            image: "nginx:1.27"
                            args: ["--port", "8080"]
                            ports:
                            - containerPort: 8080
                            resources: {requests: {cpu: 100m, memory: 128Mi}}
                    ---
                    apiVersion: v1
                    kind: ConfigMap
                    metadata:
                      name: config-%1$d
                    data:
                      script: |
                        #!/bin/sh
                        echo "starting %1$d"
                        exec server --threads 4
                      ratio: "0.75"
                    """.formatted(n++));
        }
        return out.toString();
    }
}

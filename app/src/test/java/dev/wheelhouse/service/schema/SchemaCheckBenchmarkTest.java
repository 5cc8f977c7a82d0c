package dev.wheelhouse.service.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.manifest.Manifest;
import dev.wheelhouse.service.manifest.ManifestProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prints how long parsing and checking a 5,000-line manifest take (best of several runs, after warming up). */
class SchemaCheckBenchmarkTest {
    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web-%d
              labels: {app: web}
            spec:
              replicas: 2
              selector:
                matchLabels: {app: web}
              template:
                metadata:
                  labels: {app: web}
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
                    env:
                    - {name: MODE, value: fast}
                    ports:
                    - containerPort: 80
                    resources:
                      limits: {cpu: 500m, memory: 1Gi}
            """;

    @Test
    void checksAFiveThousandLineManifestQuickly() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.chars().filter(c -> c == '\n').count() < 5000; i++) {
            text.append("---\n").append(DEPLOYMENT.formatted(i));
        }
        text.append("---\n").append(DEPLOYMENT.formatted(-1).replace("replicas: 2", "replicas: two"));
        ClusterSchema schema = SavedSchemas.schema();
        long bestParse = Long.MAX_VALUE;
        long bestCheck = Long.MAX_VALUE;
        List<ManifestProblem> problems = List.of();
        for (int run = 0; run < 10; run++) {
            long started = System.nanoTime();
            Manifest manifest = Manifest.parse(text.toString());
            long parsed = System.nanoTime();
            problems = schema.check(manifest);
            long checked = System.nanoTime();
            bestParse = Math.min(bestParse, parsed - started);
            bestCheck = Math.min(bestCheck, checked - parsed);
        }
        long lines = text.chars().filter(c -> c == '\n').count();
        System.out.printf("manifest of %d lines: parse %.1f ms, schema check %.1f ms%n", lines, bestParse / 1e6, bestCheck / 1e6);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.line()).isEqualTo((int) lines - 15));
        // Far above what it takes; only a drastic regression (e.g. quadratic position lookups) fails here.
        assertThat(bestCheck / 1_000_000).isLessThan(1000);
    }
}

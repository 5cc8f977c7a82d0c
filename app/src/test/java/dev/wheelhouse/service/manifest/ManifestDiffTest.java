package dev.wheelhouse.service.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestDiffTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) Manifest.parse(text).documents().get(0).value();
    }

    private static final String LIVE = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: dev
              uid: 0b6f-11
              resourceVersion: "1041"
              generation: 3
              creationTimestamp: "2026-01-02T03:04:05Z"
              managedFields:
              - manager: kubectl
                operation: Apply
              annotations:
                kubectl.kubernetes.io/last-applied-configuration: '{"big":"json"}'
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                  - name: web
                    image: nginx:1.27
            """;

    @Test
    void onlyTheChangedFieldShowsNotTheServersBookkeeping() {
        String dryRun = LIVE.replace("replicas: 2", "replicas: 5").replace("\"1041\"", "\"1042\"").replace("generation: 3", "generation: 4")
                .replace("operation: Apply", "operation: Update");
        ManifestDiff diff = ManifestDiff.of("apps.v1.Deployment.dev.web", yaml(LIVE), yaml(dryRun));

        assertThat(diff.unified()).isEqualTo("""
                --- live/apps.v1.Deployment.dev.web
                +++ merged/apps.v1.Deployment.dev.web
                @@ -4,7 +4,7 @@
                   name: web
                   namespace: dev
                 spec:
                -  replicas: 2
                +  replicas: 5
                   template:
                     spec:
                       containers:
                """);
        assertThat(diff.unified()).doesNotContain("resourceVersion", "generation", "managedFields", "uid", "creationTimestamp",
                "last-applied-configuration");
    }

    @Test
    void noChangeIsNoHunk() {
        ManifestDiff diff = ManifestDiff.of("x", yaml(LIVE), yaml(LIVE.replace("\"1041\"", "\"1050\"")));
        assertThat(diff.hasChanges()).isFalse();
        assertThat(diff.unified()).doesNotContain("@@");
    }

    @Test
    void aNewObjectIsAllAdded() {
        ManifestDiff diff = ManifestDiff.of("x", null, yaml("kind: ConfigMap\ndata:\n  a: b\n"));
        assertThat(diff.unified()).contains("@@ -0,0 +1,3 @@\n+data:\n+  a: b\n+kind: ConfigMap\n");
    }

    @Test
    void secretValuesNeverShowAndChangedOnesAreMarked() {
        String live = """
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                data:
                  user: d2hlZWxob3VzZQ==
                  password: b2xkLXBhc3N3b3Jk
                """;
        String after = live.replace("b2xkLXBhc3N3b3Jk", "bmV3LXBhc3N3b3Jk") + "stringData:\n  token: plain-secret\n";
        String unified = ManifestDiff.of("v1.Secret.dev.db", yaml(live), yaml(after)).unified();

        assertThat(unified).doesNotContain("d2hlZWxob3VzZQ==", "b2xkLXBhc3N3b3Jk", "bmV3LXBhc3N3b3Jk", "plain-secret");
        assertThat(unified).contains("-  password: '*** (before)'", "+  password: '*** (after)'", "   user: '***'", "+  token: '***'");
    }
}

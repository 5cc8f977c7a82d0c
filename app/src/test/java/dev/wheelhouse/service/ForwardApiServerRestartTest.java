package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.testing.Sandbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A forward across an API server restart (run on a sandbox of your own: it kills the API server): while the
 * server is away the forward says so, and once it is back the same local port answers again.
 */
@Tag("cluster")
class ForwardApiServerRestartTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aForwardSaysTheServerIsAwayAndAnswersAgainOnceItIsBack() throws Exception {
        try (ClusterSession session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
             PortForwardService forwards = new PortForwardService()) {
            Forward forward = forwards.start(session, ForwardTarget.service("dev", "frontend-service", 80), null, 0);
            assertThat(Sandbox.eventually(Duration.ofSeconds(15), () -> forward.status().state() == Forward.State.ACTIVE))
                    .as("%s", forward.status()).isTrue();
            assertThat(get(forward).statusCode()).isEqualTo(200);
            List<Forward.Status> seen = new CopyOnWriteArrayList<>();
            try (AutoCloseable listening = forwards.onChange(() -> seen.add(forward.status()))) {
                CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> {
                    try {
                        Sandbox.sandboxScript("restart-apiserver", "10");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                try {
                    assertThat(Sandbox.eventually(Duration.ofSeconds(20),
                            () -> seen.stream().anyMatch(s -> s.state() == Forward.State.ERROR)))
                            .as("the forward says the server is away: %s", seen).isTrue();
                    restart.join();
                    assertThat(Sandbox.eventually(Duration.ofSeconds(30), () -> forward.status().state() == Forward.State.ACTIVE))
                            .as("%s", forward.status()).isTrue();
                    assertThat(get(forward).statusCode()).isEqualTo(200);
                } finally {
                    restart.join();
                    Sandbox.sandboxScript("await-controllers");
                }
            }
        }
    }

    private HttpResponse<String> get(Forward forward) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(forward.url() + "/")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

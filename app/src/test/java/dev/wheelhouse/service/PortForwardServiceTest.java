package dev.wheelhouse.service;

import static dev.wheelhouse.testing.Sandbox.eventually;
import static dev.wheelhouse.testing.Sandbox.kubectl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.testing.LiveThreads;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import dev.wheelhouse.testing.ServiceAccountKubeconfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Forwards through the sandbox's API server to its pods, which answer HTTP (sandbox/helper.py). */
@Tag("cluster")
class PortForwardServiceTest {
    @RegisterExtension
    static final SandboxNamespace NS = new SandboxNamespace("forward-test");
    private static ClusterSession session;
    private final PortForwardService forwards = new PortForwardService();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void deployAWebAppBehindAService() throws Exception {
        // A named targetPort: the Service's port 80 goes to the containers' port called "http" (8080).
        Sandbox.apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: %1$s}
                spec:
                  replicas: 2
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers:
                      - name: web
                        image: wheelhouse/web:1
                        ports: [{name: http, containerPort: 8080}]
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: web, namespace: %1$s}
                spec:
                  selector: {app: web}
                  ports: [{name: web, port: 80, targetPort: http}]
                """.formatted(NS.name()));
        kubectl("-n", NS.name(), "rollout", "status", "deployment/web", "--timeout=60s");
        session = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT);
    }

    @AfterAll
    static void disconnect() {
        session.close();
    }

    @AfterEach
    void stopForwards() {
        forwards.close();
    }

    @Test
    void aServiceForwardAnswersHttpThroughAPodBehindIt() throws Exception {
        Forward forward = forwards.start(session, ForwardTarget.service(NS.name(), "web", 80), null, 0);

        assertThat(eventually(Duration.ofSeconds(10), () -> forward.status().state() == Forward.State.ACTIVE))
                .as("state: %s", forward.status()).isTrue();
        assertThat(forward.url()).startsWith("http://127.0.0.1:");
        HttpResponse<String> response = get(forward);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("Hello from");
        assertThat(forward.status().pod()).startsWith("web-");
        assertThat(forward.status().bytesIn()).isGreaterThan(response.body().length());
        assertThat(forward.status().bytesOut()).isPositive();
    }

    @Test
    void fiftyConcurrentRequestsThroughOneForwardAllSucceed() throws Exception {
        Forward forward = activeForward(ForwardTarget.service(NS.name(), "web", 80));
        ExecutorService clients = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> requests = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                // The sandbox starts a process per forwarded connection: 50 at once take a while on a busy machine
                // (kubectl port-forward needs as long), so the limit is generous; no request may fail.
                requests.add(() -> get(forward, Duration.ofSeconds(90)).statusCode());
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> code : clients.invokeAll(requests)) {
                codes.add(code.get());
            }
            assertThat(codes).hasSize(50).containsOnly(200);
        } finally {
            clients.shutdownNow();
        }
    }

    /** Needs the sandbox's pods to name themselves in their answers (sandbox contract, point 5). */
    @Test
    void deletingThePodBehindAServiceForwardMovesItToAnotherPodWithinSeconds() throws Exception {
        Forward forward = activeForward(ForwardTarget.service(NS.name(), "web", 80));
        HttpResponse<String> before = get(forward);
        String first = forward.status().pod();
        assertThat(before.headers().firstValue("X-Wheelhouse-Pod")).as("the answer names its pod").hasValue(NS.name() + "/" + first);

        kubectl("-n", NS.name(), "delete", "pod", first, "--wait=false");

        long deleted = System.nanoTime();
        String[] answeredBy = {null};
        boolean recovered = eventually(Duration.ofSeconds(10), () -> {
            try {
                HttpResponse<String> after = get(forward);
                answeredBy[0] = after.headers().firstValue("X-Wheelhouse-Pod").orElse("");
                return after.statusCode() == 200 && !answeredBy[0].equals(NS.name() + "/" + first);
            } catch (IOException | InterruptedException e) {
                return false;
            }
        });
        assertThat(recovered).as("answered by %s; forward %s", answeredBy[0], forward.status()).isTrue();
        System.out.printf("Forward moved from %s to %s in %d ms%n", first, answeredBy[0], (System.nanoTime() - deleted) / 1_000_000);
        assertThat(answeredBy[0]).startsWith(NS.name() + "/web-");
        assertThat(forward.status().state()).isEqualTo(Forward.State.ACTIVE);
        assertThat(forward.status().message()).contains("Moved to pod");
    }

    @Test
    void aForwardPinnedToAPodSaysPodGoneAndOffersItsOwnersPods() throws Exception {
        String pod = podOf("web");
        Forward pinned = activeForward(ForwardTarget.pod(NS.name(), pod, 8080));

        kubectl("-n", NS.name(), "delete", "pod", pod, "--wait=false");

        assertThat(eventually(Duration.ofSeconds(15), () -> pinned.status().message().startsWith("Pod gone")))
                .as("%s", pinned.status()).isTrue();
        assertThat(pinned.status().state()).isEqualTo(Forward.State.ERROR);
        ForwardTarget replacement = pinned.replacement().orElseThrow();
        assertThat(replacement.kind()).isEqualTo("ReplicaSet");
        assertThat(replacement.selector()).isEqualTo(Map.of("app", "web"));
        assertThat(pinned.status().message()).endsWith("Re-target to ReplicaSet " + replacement.name() + "'s pods?");

        Forward moved = activeForward(replacement);
        HttpResponse<String> response = get(moved);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Wheelhouse-Pod")).isPresent().get().isNotEqualTo(NS.name() + "/" + pod);
    }

    /** The sandbox's pods answer on a list of ports (sandbox/helper.py); on 9999 nothing listens. */
    @Test
    void aConnectionThePodRefusesIsAClearErrorOnThatForwardOnly() throws Exception {
        String pod = podOf("web");
        Forward refused = activeForward(ForwardTarget.pod(NS.name(), pod, 9999));
        Forward other = activeForward(ForwardTarget.pod(NS.name(), pod, 8080));

        try (Socket socket = new Socket("127.0.0.1", refused.localPort())) {
            socket.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(15_000);
            assertThat(socket.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
        }

        assertThat(eventually(Duration.ofSeconds(10), () -> refused.status().state() == Forward.State.ERROR))
                .as("%s", refused.status()).isTrue();
        assertThat(refused.status().message()).startsWith("Pod " + pod + " port 9999 refused the connection: ").contains("9999");
        assertThat(get(other).statusCode()).isEqualTo(200);
        // It still listens: a later connection is tried again.
        try (Socket again = new Socket("127.0.0.1", refused.localPort())) {
            assertThat(again.isConnected()).isTrue();
        }
    }

    @Test
    void aBusyLocalPortIsAClearErrorOnThatForwardOnly() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Forward busy = forwards.start(session, ForwardTarget.service(NS.name(), "web", 80), null, taken.getLocalPort());
            Forward other = activeForward(ForwardTarget.service(NS.name(), "web", 80));

            assertThat(busy.status().state()).isEqualTo(Forward.State.ERROR);
            assertThat(busy.status().message()).isEqualTo("Local port 127.0.0.1:" + taken.getLocalPort()
                    + " is already in use by another program; choose another port.");
            assertThat(get(other).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void stoppingAForwardFreesItsPort() throws Exception {
        Forward forward = activeForward(ForwardTarget.service(NS.name(), "web", 80));
        int port = forward.localPort();
        get(forward);

        forwards.stop(forward);

        assertThat(forward.status().state()).isEqualTo(Forward.State.STOPPED);
        assertThat(forwards.forwards()).doesNotContain(forward);
        assertBindable(port);
    }

    @Test
    void noThreadOrSocketRemainsAfterStopAll() throws Exception {
        List<Forward> started = List.of(
                activeForward(ForwardTarget.service(NS.name(), "web", 80)),
                activeForward(ForwardTarget.workload("Deployment", NS.name(), "web", 8080, Map.of("app", "web"))),
                activeForward(ForwardTarget.pod(NS.name(), podOf("web"), 8080)));
        for (Forward forward : started) {
            assertThat(get(forward).statusCode()).isEqualTo(200);
        }
        // An idle connection held open, as a browser keeps one (the HTTP client keeps its own too).
        int open = started.get(0).status().connections();
        Socket idle = new Socket("127.0.0.1", started.get(0).localPort());
        assertThat(eventually(Duration.ofSeconds(5), () -> started.get(0).status().connections() == open + 1)).isTrue();
        assertThat(forwardThreads()).isNotEmpty();

        forwards.stopAll();

        assertThat(forwardThreads()).as("threads left").isEmpty();
        assertThat(idle.getInputStream().read()).as("the idle connection was closed").isEqualTo(-1);
        idle.close();
        for (Forward forward : started) {
            assertBindable(forward.localPort());
        }
        assertThat(forwards.forwards()).isEmpty();
    }

    @Test
    void disconnectingAContextStopsItsForwardsWithAReasonAndFreesTheirPorts() throws Exception {
        Forward forward;
        try (ClusterSession other = new ClusterService(List.of(Sandbox.kubeconfig())).connect(Sandbox.CONTEXT)) {
            forward = forwards.start(other, ForwardTarget.service(NS.name(), "web", 80), null, 0);
            assertThat(eventually(Duration.ofSeconds(10), () -> forward.status().state() == Forward.State.ACTIVE)).isTrue();
        }

        assertThat(forward.status().state()).isEqualTo(Forward.State.ERROR);
        assertThat(forward.status().message()).isEqualTo("Context " + Sandbox.CONTEXT
                + " was disconnected; start the forward again once it is connected.");
        assertBindable(forward.localPort());
    }

    @Test
    void rbacForbiddingPortForwardIsAClearErrorOnThatForward() throws Exception {
        // May read pods, and has only "get" on pods/portforward: at 1.36 the websocket also needs "create".
        Sandbox.serviceAccountAllowedTo(NS.name(), "viewer", "", "pods", "get", "list", "watch");
        Sandbox.apply("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: viewer-forward-get, namespace: %1$s}
                rules: [{apiGroups: [""], resources: [pods/portforward], verbs: [get]}]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata: {name: viewer-forward-get, namespace: %1$s}
                subjects: [{kind: ServiceAccount, name: viewer, namespace: %1$s}]
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: viewer-forward-get}
                """.formatted(NS.name()));
        Path kubeconfig = ServiceAccountKubeconfig.create(NS.name(), "viewer");
        try (ClusterSession restricted = new ClusterService(List.of(kubeconfig)).connect(ServiceAccountKubeconfig.CONTEXT)) {
            Forward forbidden = forwards.start(restricted, ForwardTarget.pod(NS.name(), podOf("web"), 8080), null, 0);
            Forward allowed = activeForward(ForwardTarget.service(NS.name(), "web", 80));
            assertThat(eventually(Duration.ofSeconds(10), () -> forbidden.status().state() == Forward.State.ACTIVE)).isTrue();

            try (Socket socket = new Socket("127.0.0.1", forbidden.localPort())) {
                assertThat(socket.getInputStream().read()).as("the connection is closed").isEqualTo(-1);
            }

            assertThat(eventually(Duration.ofSeconds(10), () -> forbidden.status().state() == Forward.State.ERROR))
                    .as("%s", forbidden.status()).isTrue();
            assertThat(forbidden.status().message()).startsWith("No access: ").contains("pods/portforward");
            assertThat(get(allowed).statusCode()).isEqualTo(200);
        } finally {
            Files.deleteIfExists(kubeconfig);
        }
    }

    private Forward activeForward(ForwardTarget target) {
        Forward forward = forwards.start(session, target, null, 0);
        assertThat(eventually(Duration.ofSeconds(10), () -> forward.status().state() == Forward.State.ACTIVE))
                .as("%s: %s", target, forward.status()).isTrue();
        return forward;
    }

    private HttpResponse<String> get(Forward forward) throws IOException, InterruptedException {
        return get(forward, Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(Forward forward, Duration timeout) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(forward.url() + "/")).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String podOf(String app) {
        return kubectl("-n", NS.name(), "get", "pods", "-l", "app=" + app, "-o", "jsonpath={.items[0].metadata.name}").trim();
    }

    private static Set<String> forwardThreads() {
        return LiveThreads.named(Forward.THREAD_PREFIX);
    }

    private static void assertBindable(int port) throws IOException {
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }
}

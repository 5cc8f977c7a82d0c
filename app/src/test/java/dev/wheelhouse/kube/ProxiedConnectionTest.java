package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.testing.Sandbox;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cluster with a proxy-url is reached through that proxy, by ordinary requests and by watches alike. */
@Tag("cluster")
class ProxiedConnectionTest {
    @TempDir
    Path dir;

    @Test
    void requestsAndWatchesTunnelThroughTheClustersProxyUrlWithItsCredentials() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy()) {
            // The sandbox's server is on 127.0.0.1: an explicit proxy-url is used even for loopback, as kubectl uses it.
            Path kubeconfig = dir.resolve("config");
            Files.writeString(kubeconfig, Files.readString(Sandbox.kubeconfig()).replaceFirst("(?m)^(\\s+)server: ",
                    "$1proxy-url: http://jane:s%40cret@127.0.0.1:" + proxy.port() + "\n$1server: "));
            MergedKubeconfig merged = MergedKubeconfig.load(List.of(kubeconfig));
            URI server = URI.create(merged.context(Sandbox.CONTEXT).orElseThrow().server());

            try (ClusterConnection connection = ClusterConnection.open(merged, Sandbox.CONTEXT)) {
                assertThat(connection.serverVersion()).matches("v1\\.\\d+\\.\\d+");
                int afterRequest = proxy.targets.size();
                assertThat(afterRequest).as("tunnels after one request").isPositive();

                AtomicBoolean synced = new AtomicBoolean();
                List<Problem> problems = new CopyOnWriteArrayList<>();
                try (ResourceWatch watch = connection.watch(KindRegistry.NAMESPACE.type(), null, ListSelector.ALL, new WatchListener() {
                    public void upserted(KubeObject object) {
                    }

                    public void deleted(String uid) {
                    }

                    public void synced() {
                        synced.set(true);
                    }

                    public void failed(Problem problem) {
                        problems.add(problem);
                    }
                })) {
                    assertThat(Sandbox.eventually(Duration.ofSeconds(20), synced::get)).as("synced; problems: %s", problems).isTrue();
                }
                // The watch runs on the streaming client, which keeps connections of its own: it needed a tunnel too.
                assertThat(proxy.targets.size()).as("tunnels after the watch").isGreaterThan(afterRequest);
            }
            assertThat(proxy.targets).containsOnly(server.getHost() + ":" + server.getPort());
            assertThat(proxy.authorizations).containsOnly("Basic "
                    + Base64.getEncoder().encodeToString("jane:s@cret".getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * kubectl, asked at test time, goes the same way as the app: through the cluster's proxy-url with its credentials,
     * and past HTTPS_PROXY to a server on a loopback address (the sandbox's), where the app chooses no proxy either.
     */
    @Test
    void kubectlGoesTheWayTheAppChooses() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy()) {
            Path withProxyUrl = dir.resolve("config");
            Files.writeString(withProxyUrl, Files.readString(Sandbox.kubeconfig()).replaceFirst("(?m)^(\\s+)server: ",
                    "$1proxy-url: http://jane:s%40cret@127.0.0.1:" + proxy.port() + "\n$1server: "));
            assertThat(kubectl(withProxyUrl, Map.of()).exitCode()).isZero();
            assertThat(proxy.targets).as("kubectl's tunnels through proxy-url").isNotEmpty();
            assertThat(proxy.authorizations).containsOnly("Basic "
                    + Base64.getEncoder().encodeToString("jane:s@cret".getBytes(StandardCharsets.UTF_8)));

            int before = proxy.targets.size();
            Map<String, String> environment = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port());
            assertThat(kubectl(Sandbox.kubeconfig(), environment).exitCode()).isZero();
            assertThat(proxy.targets).as("kubectl's tunnels through HTTPS_PROXY to a loopback server").hasSize(before);
            String server = MergedKubeconfig.load(List.of(Sandbox.kubeconfig())).context(Sandbox.CONTEXT).orElseThrow().server();
            assertThat(ClusterProxy.choose(server, "", environment).proxy()).isEqualTo(java.net.Proxy.NO_PROXY);
        }
    }

    /** {@code kubectl get --raw /version} with this kubeconfig and these variables added to ours, without proxy variables. */
    private static Sandbox.Result kubectl(Path kubeconfig, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getenv("WHEELHOUSE_SANDBOX_BIN"), "kubectl").toString(),
                "--kubeconfig", kubeconfig.toString(), "get", "--raw", "/version").redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Sandbox.Result(process.waitFor(), output);
    }

    /** An HTTP proxy that only tunnels (CONNECT), recording each tunnel's target and Proxy-Authorization. */
    private static final class ConnectProxy implements AutoCloseable {
        final List<String> targets = new CopyOnWriteArrayList<>();
        final List<String> authorizations = new CopyOnWriteArrayList<>();
        private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
        private final ServerSocket server;

        ConnectProxy() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            daemon(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        private void accept() {
            try {
                while (true) {
                    Socket client = server.accept();
                    sockets.add(client);
                    daemon(() -> tunnel(client));
                }
            } catch (IOException closed) {
                // close() ends the loop.
            }
        }

        private void tunnel(Socket client) {
            try {
                InputStream fromClient = client.getInputStream();
                String[] head = readHead(fromClient).split("\r\n");
                String target = head[0].split(" ")[1];
                for (String header : head) {
                    if (header.regionMatches(true, 0, "Proxy-Authorization:", 0, 20)) {
                        authorizations.add(header.substring(20).strip());
                    }
                }
                Socket upstream = new Socket(target.substring(0, target.lastIndexOf(':')),
                        Integer.parseInt(target.substring(target.lastIndexOf(':') + 1)));
                sockets.add(upstream);
                targets.add(target);
                client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                daemon(() -> pipe(upstream, client));
                pipe(client, upstream);
            } catch (IOException | RuntimeException e) {
                close(client);
            }
        }

        /** The request line and headers, up to the blank line; the TLS bytes that follow are left in the stream. */
        private static String readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed before the end of the request head");
                }
                head.write(b);
            }
            return head.toString(StandardCharsets.US_ASCII);
        }

        private static void pipe(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // One side went away; closing both ends the other direction.
            } finally {
                close(from);
                close(to);
            }
        }

        private static void close(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // Already gone.
            }
        }

        private static void daemon(Runnable task) {
            Thread thread = new Thread(task, "test-connect-proxy");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
            sockets.forEach(ConnectProxy::close);
        }
    }
}

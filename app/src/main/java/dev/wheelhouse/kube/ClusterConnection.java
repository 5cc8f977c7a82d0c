package dev.wheelhouse.kube;

import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.model.ListSelector;
import dev.wheelhouse.model.ResourceType;
import dev.wheelhouse.model.ServerTable;
import io.kubernetes.client.openapi.ApiClient;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.openapi.apis.VersionApi;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.generic.KubernetesApiResponse;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Everything Wheelhouse says to one cluster goes through one of these, made for one context.
 * It keeps two HTTP clients: one with finite timeouts for ordinary requests, and one without
 * a read timeout for watches and streams, which stay open for as long as they are needed.
 * Every method may block on the network: call them off the UI thread.
 */
public final class ClusterConnection implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration IDLE_CONNECTION_KEEP_ALIVE = Duration.ofSeconds(10);
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();
    /** How many streams (forwarded connections, followed logs) may be open at once on one context. */
    private static final int MAX_OPEN_STREAMS = 1024;
    /** How long a credential plugin may run: long enough for a login in a browser. */
    public static final Duration DEFAULT_PLUGIN_TIMEOUT = ExecPlugin.DEFAULT_TIMEOUT;

    private final ContextInfo context;
    private final ApiClient requests;
    private final ApiClient streams;
    private final ExecutorService watchThreads = Executors.newCachedThreadPool(daemon("wheelhouse-watch"));
    private final Set<ResourceWatch> watches = ConcurrentHashMap.newKeySet();
    private final ApiResources resources;
    private final Set<LogStream> logStreams = ConcurrentHashMap.newKeySet();

    private ClusterConnection(ContextInfo context, ApiClient requests, ApiClient streams) {
        this.context = context;
        this.requests = requests;
        this.streams = streams;
        this.resources = new ApiResources(requests);
    }

    /**
     * Builds the clients for a context. If its user has a credential plugin (exec), runs it once, here, and
     * shares what it hands out between both clients until it expires or the server rejects it.
     *
     * @throws KubeconfigException  if the kubeconfig cannot describe this context
     * @throws ExecPluginException  if the credential plugin fails (its message says how)
     * @throws IOException          if a certificate or token file cannot be read
     */
    public static ClusterConnection open(MergedKubeconfig kubeconfig, String contextName) throws IOException {
        return open(kubeconfig, contextName, step -> { });
    }

    /** As {@link #open(MergedKubeconfig, String)}, saying what it waits for (a credential plugin may wait for a login). */
    public static ClusterConnection open(MergedKubeconfig kubeconfig, String contextName, Consumer<String> progress) throws IOException {
        return open(kubeconfig, contextName, progress, DEFAULT_PLUGIN_TIMEOUT);
    }

    /**
     * As {@link #open(MergedKubeconfig, String, Consumer)}, stopping a credential plugin that runs longer than
     * {@code pluginTimeout}; interrupting the calling thread stops it at once.
     */
    public static ClusterConnection open(MergedKubeconfig kubeconfig, String contextName, Consumer<String> progress,
                                         Duration pluginTimeout) throws IOException {
        return open(kubeconfig, contextName, progress, pluginTimeout, LoginShell.ofThisProcess());
    }

    /** {@code paths} gives a credential plugin its environment and finds its command. */
    static ClusterConnection open(MergedKubeconfig kubeconfig, String contextName, Consumer<String> progress,
                                  Duration pluginTimeout, LoginShell paths) throws IOException {
        ContextInfo context = kubeconfig.context(contextName)
                .orElseThrow(() -> new KubeconfigException("No context named '" + contextName + "'"));
        if (context.server().isBlank()) {
            throw new KubeconfigException(context.sourceFile() + ": cluster '" + context.cluster() + "' of context '"
                    + contextName + "' has no 'server' field");
        }
        kubeconfig.refuseUnreadableFiles(contextName);
        Optional<ExecCredentials> plugin = kubeconfig.execPlugin(contextName)
                .map(execPlugin -> new ExecCredentials(execPlugin, Clock.systemUTC(), paths, pluginTimeout));
        Map<String, Object> certificate = Map.of();
        if (plugin.isPresent()) {
            progress.accept("Running the credential plugin '" + kubeconfig.execPlugin(contextName).orElseThrow().command()
                    + "' of context " + contextName + " (it may be waiting for you to log in, in a browser or elsewhere)…");
            certificate = clientCertificate(plugin.get().current());
        }
        // Each client its own pool (requests never queue behind watch streams on one HTTP/2 connection), with a
        // short keep-alive: a closed session's connections go within seconds, not after OkHttp's 5 minutes.
        ApiClient requests = ClientBuilder.kubeconfig(kubeconfig.clientConfig(contextName, certificate))
                .setReadTimeout(REQUEST_TIMEOUT).build();
        // Decided for the URL the client library made of the server field; both clients go the same way, so watches,
        // logs and port-forwards reach the cluster through the same proxy as every other request (as kubectl's do).
        ClusterProxy proxy = kubeconfig.proxy(contextName, requests.getBasePath(), paths.environment());
        requests.setHttpClient(withCredentials(proxy.applyTo(requests.getHttpClient().newBuilder()), plugin)
                .connectionPool(shortLivedPool()).eventListener(Cancelling.LISTENER)
                .connectTimeout(CONNECT_TIMEOUT).callTimeout(REQUEST_TIMEOUT.multipliedBy(2)).build());
        ApiClient streams = ClientBuilder.kubeconfig(kubeconfig.clientConfig(contextName, certificate))
                .setReadTimeout(Duration.ZERO).build();
        streams.setHttpClient(withCredentials(proxy.applyTo(streams.getHttpClient().newBuilder()), plugin)
                .connectionPool(shortLivedPool()).eventListener(Cancelling.LISTENER)
                .connectTimeout(CONNECT_TIMEOUT).build());
        // OkHttp reads a websocket inside its call, so each forwarded connection holds a dispatcher slot while open:
        // the default 64 would leave the 65th connection (a browser opens several per page) waiting.
        streams.getHttpClient().dispatcher().setMaxRequests(MAX_OPEN_STREAMS);
        streams.getHttpClient().dispatcher().setMaxRequestsPerHost(MAX_OPEN_STREAMS);
        return new ClusterConnection(context, requests, streams);
    }

    private static OkHttpClient.Builder withCredentials(OkHttpClient.Builder client, Optional<ExecCredentials> plugin) {
        plugin.ifPresent(credentials -> client.addInterceptor(new ExecAuthInterceptor(credentials)));
        return client;
    }

    /**
     * A plugin's client certificate goes into the TLS setup, which is made once per connection: a certificate
     * the plugin hands out later takes effect at the next connect (tokens are swapped per request).
     */
    private static Map<String, Object> clientCertificate(ExecCredential credential) {
        if (credential.clientCertificateData() == null || credential.clientKeyData() == null) {
            return Map.of();
        }
        Base64.Encoder base64 = Base64.getEncoder();
        return Map.of("client-certificate-data", base64.encodeToString(credential.clientCertificateData().getBytes(StandardCharsets.UTF_8)),
                "client-key-data", base64.encodeToString(credential.clientKeyData().getBytes(StandardCharsets.UTF_8)));
    }

    private static ConnectionPool shortLivedPool() {
        return new ConnectionPool(5, IDLE_CONNECTION_KEEP_ALIVE.toSeconds(), TimeUnit.SECONDS);
    }

    public ContextInfo context() {
        return context;
    }

    /** The server's version, e.g. {@code v1.36.1}; also proves the server answers and accepts us. */
    public String serverVersion() throws ApiException {
        return new VersionApi(requests).getCode().execute().getGitVersion();
    }

    /** The server's own table of a list, once (the quick switcher's search of every kind). */
    public ServerTable serverTable(ResourceType type, String namespace) throws ApiException {
        return ServerTables.fetch(requests, type, scope(type, namespace));
    }

    /** The server's OpenAPI v3 index: group-version path ({@code apis/apps/v1}) to its document's hashed URL. */
    public Map<String, String> openApiIndex() throws ApiException {
        return OpenApiV3.index(requests);
    }

    /** One OpenAPI v3 document named by {@link #openApiIndex()}, as JSON text. */
    public String openApiDocument(String serverRelativeUrl) throws ApiException {
        return OpenApiV3.document(requests, serverRelativeUrl);
    }

    /** Deletes one object, as {@code kubectl delete} does (background deletion of what it owns). */
    public void delete(ResourceType type, String namespace, String name) throws ApiException {
        DynamicKubernetesApi api = new DynamicKubernetesApi(type.group(), type.version(), type.plural(), requests);
        Responses.check(type.namespaced() ? api.delete(namespace, name) : api.delete(name));
    }

    /** Applies a JSON merge patch, the way kubectl rollout restart and cordon change objects. */
    public KubeObject mergePatch(ResourceType type, String namespace, String name, String patchJson) throws ApiException {
        DynamicKubernetesApi api = new DynamicKubernetesApi(type.group(), type.version(), type.plural(), requests);
        V1Patch patch = new V1Patch(patchJson);
        KubernetesApiResponse<DynamicKubernetesObject> response = type.namespaced()
                ? api.patch(namespace, name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, patch)
                : api.patch(name, V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH, patch);
        return JsonMaps.toObject(JsonMaps.trimmed(Responses.check(response).getRaw()));
    }

    /** Sets the replicas of a scalable object through its scale subresource, as {@code kubectl scale} does. */
    public void scale(ResourceType type, String namespace, String name, int replicas) throws ApiException {
        ScaleSubresource.setReplicas(requests, type, namespace, name, replicas);
    }

    /**
     * Opens one connection to {@code port} of a pod through the API server (one websocket; see {@link PodTunnel}),
     * on the client without read timeout: a forwarded connection may stay idle for as long as its user likes.
     */
    public PodTunnel tunnel(String namespace, String pod, int port, OutputStream toLocal, PodTunnel.Traffic traffic,
                            Runnable onEnd) throws ApiException, IOException {
        return PodTunnel.open(streams, namespace, pod, port, toLocal, traffic, onEnd, REQUEST_TIMEOUT);
    }

    /**
     * One object whole (empty if there is none), as {@code kubectl get -o yaml} shows it: managedFields and every annotation kept,
     * whole numbers as Long. For editing; never kept in caches.
     */
    public Optional<KubeObject> find(ResourceType type, String namespace, String name) throws ApiException {
        try {
            return Optional.of(JsonMaps.toObject(RawRequests.get(requests, RawRequests.objectPath(requests, type, namespace, name))));
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A server-side apply ({@code application/apply-patch+yaml}) of one object with {@code fieldValidation=Strict}:
     * unknown and duplicate fields are refused, not dropped. {@code manifestJson} is the object (JSON is YAML).
     * Returns what the server stored, or would store when {@code dryRun}.
     *
     * @throws ServerRefusal when the server refuses (a conflict with another field manager is a 409)
     */
    public KubeObject apply(ResourceType type, String namespace, String name, String manifestJson, String fieldManager,
                            boolean force, boolean dryRun) throws ServerRefusal, ApiException {
        List<Pair> query = new java.util.ArrayList<>();
        query.add(new Pair("fieldManager", fieldManager));
        query.add(new Pair("fieldValidation", "Strict"));
        if (force) {
            query.add(new Pair("force", "true"));
        }
        if (dryRun) {
            query.add(new Pair("dryRun", "All"));
        }
        try {
            return JsonMaps.toObject(RawRequests.send(requests, RawRequests.objectPath(requests, type, namespace, name), "PATCH",
                    query, manifestJson.getBytes(StandardCharsets.UTF_8), V1Patch.PATCH_FORMAT_APPLY_YAML));
        } catch (ApiException e) {
            if (e.getCode() > 0) {
                throw ServerRefusal.of(e);
            }
            throw e;
        }
    }

    /** The resource serving {@code kind} of {@code apiVersion}, by discovery; empty if the server has none. */
    public Optional<ResourceType> resolve(String apiVersion, String kind) throws ApiException {
        return resources.resolve(apiVersion, kind);
    }

    /** Whether the CustomResourceDefinition's condition Established is True (its kind is served). */
    public boolean crdEstablished(String name) throws ApiException {
        JsonObject crd = RawRequests.get(requests, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + requests.escapeString(name));
        JsonObject status = crd.has("status") ? crd.getAsJsonObject("status") : new JsonObject();
        if (!status.has("conditions")) {
            return false;
        }
        for (var condition : status.getAsJsonArray("conditions")) {
            JsonObject c = condition.getAsJsonObject();
            if ("Established".equals(c.get("type").getAsString()) && "True".equals(c.get("status").getAsString())) {
                return true;
            }
        }
        return false;
    }

    /** "" asks for all namespaces, and is the only scope of a cluster-wide type. */
    static String scope(ResourceType type, String namespace) {
        return type.namespaced() && namespace != null ? namespace : "";
    }

    /** Starts a live list of whole objects. Close the returned watch when its view goes away. */
    public ResourceWatch watch(ResourceType type, String namespace, ListSelector selector, WatchListener listener) {
        return start(type, namespace, selector, new FullObjects(type), listener);
    }

    /**
     * Starts a live list of the table the server prints for kubectl: rows of metadata and cells, and the columns.
     * Close the returned watch when its view goes away.
     */
    public ResourceWatch watchTable(ResourceType type, String namespace, ListSelector selector, WatchListener listener) {
        return start(type, namespace, selector, new TableRows(type), listener);
    }

    private ResourceWatch start(ResourceType type, String namespace, ListSelector selector, WatchDecoding decoding,
                                WatchListener listener) {
        ListWatchRequests requests = new ListWatchRequests(streams, type, scope(type, namespace), selector, decoding);
        ResourceWatch watch = new ResourceWatch(requests, decoding, watchThreads,
                context.server(), listener, watches::remove);
        watches.add(watch);
        return watch;
    }

    /**
     * Opens a container's log with timestamps (see {@link LogStream#prepare}); blocks until the server answers.
     * {@code opening} gets the stream before its request is sent, so that closing it can cancel a request the
     * server never answers (a hung node). Close the stream to end the request.
     */
    public LogStream openLog(String namespace, String pod, String container, LogOptions options, Instant sinceTime,
                             Consumer<LogStream> opening) throws ApiException, IOException {
        LogStream stream = LogStream.prepare(streams, namespace, pod, container, options, sinceTime, logStreams::remove);
        logStreams.add(stream);
        opening.accept(stream);
        stream.start();
        return stream;
    }

    /** Connections that a call still holds, in both clients; for tests that check closing releases them all. */
    public int connectionsInUse() {
        int inUse = 0;
        for (ApiClient client : List.of(requests, streams)) {
            ConnectionPool pool = client.getHttpClient().connectionPool();
            inUse += pool.connectionCount() - pool.idleConnectionCount();
        }
        return inUse;
    }

    /** How many log requests are open; for tests that check none is left behind. */
    public int openLogStreamCount() {
        return logStreams.size();
    }

    /** Stops every watch and releases threads and sockets; the connection cannot be used afterwards. */
    @Override
    public void close() {
        List.copyOf(watches).forEach(ResourceWatch::close);
        List.copyOf(logStreams).forEach(LogStream::close);
        // The watches are closed: their threads end without an interrupt (see ResourceWatch#close).
        watchThreads.shutdown();
        for (ApiClient client : List.of(requests, streams)) {
            client.getHttpClient().dispatcher().executorService().shutdown();
            client.getHttpClient().connectionPool().evictAll();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + THREAD_IDS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

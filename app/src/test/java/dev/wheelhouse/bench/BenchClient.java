package dev.wheelhouse.bench;

import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.Pair;
import io.kubernetes.client.util.ClientBuilder;
import io.kubernetes.client.util.KubeConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import okhttp3.Call;
import okhttp3.Response;

/**
 * Raw requests through the client library the app uses (same HTTP stack and user agent, so the API
 * server answers as it answers the app, not pretty-printed as for curl).
 */
final class BenchClient {
    static final String TABLE = "application/json;as=Table;g=meta.k8s.io;v=v1";

    private final ApiClient client;

    BenchClient(Path kubeconfig, String context) throws IOException {
        try (Reader reader = Files.newBufferedReader(kubeconfig)) {
            KubeConfig config = KubeConfig.loadKubeConfig(reader);
            config.setFile(kubeconfig.toFile());
            if (!config.setContext(context)) {
                throw new IllegalArgumentException("no context " + context + " in " + kubeconfig);
            }
            client = ClientBuilder.kubeconfig(config).setReadTimeout(Duration.ofMinutes(5)).build();
        }
    }

    /** GET path?query with the given Accept header; the whole body, read to its last byte. */
    byte[] get(String pathAndQuery, String accept) throws IOException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Accept", accept);
        return execute(pathAndQuery, "GET", null, headers);
    }

    /** A JSON merge patch (a V1Patch, which the client sends as it is; a String would be quoted). */
    void mergePatch(String path, String json) throws IOException {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/merge-patch+json");
        headers.put("Accept", "application/json");
        execute(path, "PATCH", new V1Patch(json), headers);
    }

    private byte[] execute(String pathAndQuery, String method, Object body, Map<String, String> headers) throws IOException {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        List<Pair> query = new ArrayList<>();
        if (question >= 0) {
            for (String pair : pathAndQuery.substring(question + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.add(new Pair(parts[0], parts.length > 1 ? parts[1] : ""));
            }
        }
        try {
            Call call = client.buildCall(null, path, method, query, List.of(), body, headers, new HashMap<>(), new HashMap<>(),
                    new String[] {"BearerToken"}, null);
            try (Response response = call.execute()) {
                byte[] bytes = response.body() == null ? new byte[0] : response.body().bytes();
                if (!response.isSuccessful()) {
                    throw new IOException(method + " " + pathAndQuery + ": HTTP " + response.code() + " " + new String(bytes, StandardCharsets.UTF_8));
                }
                return bytes;
            }
        } catch (ApiException e) {
            throw new IOException(e);
        }
    }
}

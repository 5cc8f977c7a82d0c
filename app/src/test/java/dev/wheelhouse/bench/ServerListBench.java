package dev.wheelhouse.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How long the API server takes to answer "all pods" to the app's own HTTP client, and how big the
 * answer is: as a Table without objects (the smallest answer, the yardstick), as a Table with
 * each row's metadata (what the app's table reads, and kubectl's default), and as the full JSON list, each in one response and in pages of 500 (as the app and kubectl page). Time is from the
 * request to the last byte read, on an established connection; prints the fastest and the median of
 * RUNS. Asserts nothing. Arguments: KUBECONFIG CONTEXT [RUNS]
 */
public final class ServerListBench {
    private ServerListBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchClient client = new BenchClient(Path.of(args[0]), args[1]);
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        client.get("/version", "application/json");
        measure(client, runs, "Table, includeObject=None, one response", BenchClient.TABLE, "includeObject=None", 0);
        measure(client, runs, "Table, includeObject=None, pages of 500", BenchClient.TABLE, "includeObject=None", 500);
        // What the table reads: rows with each object's metadata (namespace, uid, labels, owners), as kubectl's default.
        measure(client, runs, "Table, includeObject=Metadata, one response", BenchClient.TABLE, "includeObject=Metadata", 0);
        measure(client, runs, "Table, includeObject=Metadata, pages of 500", BenchClient.TABLE, "includeObject=Metadata", 500);
        measure(client, runs, "JSON list of full objects, one response", "application/json", "", 0);
        measure(client, runs, "JSON list of full objects, pages of 500", "application/json", "", 500);
        System.exit(0);
    }

    private static void measure(BenchClient client, int runs, String title, String accept, String query, int limit) throws Exception {
        List<Long> times = new ArrayList<>();
        long bytes = 0;
        int items = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            List<byte[]> pages = new ArrayList<>();
            String next = "";
            do {
                String params = join(query, limit > 0 ? "limit=" + limit : "", next.isEmpty() ? "" : "continue=" + next);
                byte[] page = client.get("/api/v1/pods" + (params.isEmpty() ? "" : "?" + params), accept);
                pages.add(page);
                next = limit > 0 ? continueToken(page) : "";
            } while (!next.isEmpty());
            times.add(System.nanoTime() - start);
            bytes = pages.stream().mapToLong(p -> p.length).sum();
            items = pages.stream().mapToInt(ServerListBench::count).sum();
        }
        Collections.sort(times);
        System.out.printf("%-42s %6d ms fastest, %6d ms median; %d items, %.1f MiB%n", title, times.get(0) / 1_000_000,
                times.get(times.size() / 2) / 1_000_000, items, bytes / (1024.0 * 1024.0));
    }

    private static String join(String... parts) {
        return String.join("&", java.util.Arrays.stream(parts).filter(p -> !p.isEmpty()).toList());
    }

    private static JsonObject parse(byte[] page) {
        return JsonParser.parseString(new String(page, StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static String continueToken(byte[] page) {
        JsonObject metadata = parse(page).getAsJsonObject("metadata");
        return metadata != null && metadata.has("continue") ? metadata.get("continue").getAsString() : "";
    }

    private static int count(byte[] page) {
        JsonObject answer = parse(page);
        String key = answer.has("rows") ? "rows" : "items";
        return answer.has(key) && answer.get(key).isJsonArray() ? answer.getAsJsonArray(key).size() : 0;
    }
}

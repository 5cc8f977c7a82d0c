package dev.wheelhouse.service.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code kubectl diff}: the live object against what the server would store (the dry-run result), both
 * printed as YAML without the fields that change on every write (managedFields, resourceVersion,
 * generation, timestamps, uid), a Secret's values masked, then compared line by line.
 */
public final class ManifestDiff {
    /** Lines kept around each change in the unified view, as diff -u. */
    public static final int CONTEXT = 3;
    private static final List<String> NOISY_METADATA = List.of("managedFields", "resourceVersion", "generation",
            "creationTimestamp", "uid", "selfLink");
    /** Beyond this many line pairs the middle is shown as replaced whole, not searched for common lines. */
    private static final long MAX_CELLS = 4_000_000;

    public enum Change { SAME, REMOVED, ADDED }

    /** One line of the comparison; {@code before}/{@code after} are 1-based line numbers, 0 where the line is absent. */
    public record Line(Change change, String text, int before, int after) {
    }

    private final List<Line> lines;
    private final String title;

    private ManifestDiff(String title, List<Line> lines) {
        this.title = title;
        this.lines = List.copyOf(lines);
    }

    /** {@code live} is null for an object that does not exist yet (everything is added). */
    public static ManifestDiff of(String title, Map<String, Object> live, Map<String, Object> after) {
        Map<String, Object> before = live == null ? null : withoutNoise(live);
        Map<String, Object> next = after == null ? null : withoutNoise(after);
        maskSecret(before, next);
        List<String> a = before == null ? List.of() : lines(ObjectYaml.print(before));
        List<String> b = next == null ? List.of() : lines(ObjectYaml.print(next));
        return new ManifestDiff(title, compare(a, b));
    }

    public List<Line> lines() {
        return lines;
    }

    public boolean hasChanges() {
        return lines.stream().anyMatch(line -> line.change() != Change.SAME);
    }

    /** The unified diff with {@code ---}/{@code +++} headers and {@code @@} hunks, as {@code kubectl diff} prints it. */
    public String unified() {
        StringBuilder out = new StringBuilder();
        out.append("--- live/").append(title).append('\n').append("+++ merged/").append(title).append('\n');
        int i = 0;
        while (i < lines.size()) {
            if (lines.get(i).change() == Change.SAME) {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // A hunk runs while changes are at most 2 * CONTEXT same lines apart.
            while (end < lines.size()) {
                int nextChange = end;
                while (nextChange < lines.size() && lines.get(nextChange).change() == Change.SAME) {
                    nextChange++;
                }
                if (nextChange == lines.size() || nextChange - end > 2 * CONTEXT) {
                    end = Math.min(lines.size(), end + CONTEXT);
                    break;
                }
                end = nextChange;
                while (end < lines.size() && lines.get(end).change() != Change.SAME) {
                    end++;
                }
            }
            appendHunk(out, lines.subList(start, end));
            i = end;
        }
        return out.toString();
    }

    private static void appendHunk(StringBuilder out, List<Line> hunk) {
        int beforeStart = 0;
        int afterStart = 0;
        int beforeCount = 0;
        int afterCount = 0;
        for (Line line : hunk) {
            if (line.before() > 0) {
                beforeStart = beforeStart == 0 ? line.before() : beforeStart;
                beforeCount++;
            }
            if (line.after() > 0) {
                afterStart = afterStart == 0 ? line.after() : afterStart;
                afterCount++;
            }
        }
        out.append("@@ -").append(beforeStart).append(',').append(beforeCount)
                .append(" +").append(afterStart).append(',').append(afterCount).append(" @@\n");
        for (Line line : hunk) {
            out.append(switch (line.change()) {
                case SAME -> ' ';
                case REMOVED -> '-';
                case ADDED -> '+';
            }).append(line.text()).append('\n');
        }
    }

    static Map<String, Object> withoutNoise(Map<String, Object> object) {
        Map<String, Object> copy = ObjectYaml.deepCopy(object);
        Map<String, Object> metadata = ObjectYaml.metadata(copy);
        NOISY_METADATA.forEach(metadata::remove);
        if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
            annotations.remove("kubectl.kubernetes.io/last-applied-configuration");
            if (annotations.isEmpty()) {
                metadata.remove("annotations");
            }
        }
        return copy;
    }

    /** As kubectl diff: every value of data and stringData becomes ***, marked (before)/(after) where it changed. */
    @SuppressWarnings("unchecked")
    private static void maskSecret(Map<String, Object> before, Map<String, Object> after) {
        boolean secret = (before != null && "Secret".equals(before.get("kind"))) || (after != null && "Secret".equals(after.get("kind")));
        if (!secret) {
            return;
        }
        for (String field : List.of("data", "stringData")) {
            Map<String, Object> old = before != null && before.get(field) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            Map<String, Object> now = after != null && after.get(field) instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
            java.util.Set<String> keys = new java.util.LinkedHashSet<>();
            if (old != null) {
                keys.addAll(old.keySet());
            }
            if (now != null) {
                keys.addAll(now.keySet());
            }
            for (String key : keys) {
                Object was = old == null ? null : old.get(key);
                Object is = now == null ? null : now.get(key);
                boolean changed = was != null && is != null && !was.equals(is);
                if (old != null && old.containsKey(key)) {
                    old.put(key, changed ? "*** (before)" : "***");
                }
                if (now != null && now.containsKey(key)) {
                    now.put(key, changed ? "*** (after)" : "***");
                }
            }
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** Common head and tail kept as they are; the middle by longest common subsequence. */
    static List<Line> compare(List<String> a, List<String> b) {
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < head; i++) {
            out.add(new Line(Change.SAME, a.get(i), i + 1, i + 1));
        }
        List<String> midA = a.subList(head, a.size() - tail);
        List<String> midB = b.subList(head, b.size() - tail);
        middle(midA, midB, head, out);
        for (int i = 0; i < tail; i++) {
            int ai = a.size() - tail + i;
            int bi = b.size() - tail + i;
            out.add(new Line(Change.SAME, a.get(ai), ai + 1, bi + 1));
        }
        return out;
    }

    private static void middle(List<String> a, List<String> b, int offset, List<Line> out) {
        int n = a.size();
        int m = b.size();
        if ((long) n * m > MAX_CELLS) {
            for (int i = 0; i < n; i++) {
                out.add(new Line(Change.REMOVED, a.get(i), offset + i + 1, 0));
            }
            for (int j = 0; j < m; j++) {
                out.add(new Line(Change.ADDED, b.get(j), 0, offset + j + 1));
            }
            return;
        }
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                out.add(new Line(Change.SAME, a.get(i), offset + i + 1, offset + j + 1));
                i++;
                j++;
            } else if (j < m && (i == n || common[i][j + 1] > common[i + 1][j])) {
                out.add(new Line(Change.ADDED, b.get(j), 0, offset + j + 1));
                j++;
            } else {
                out.add(new Line(Change.REMOVED, a.get(i), offset + i + 1, 0));
                i++;
            }
        }
    }
}

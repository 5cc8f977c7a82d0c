package dev.wheelhouse.ui.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The table's filter box: words match the name (any part, any case); {@code key=value} matches a
 * label, {@code key!=value} excludes one, as in a kubectl label selector. All terms must hold.
 */
final class RowFilter {
    private RowFilter() {
    }

    static Predicate<ResourceRow> parse(String text) {
        List<Predicate<ResourceRow>> terms = new ArrayList<>();
        for (String term : text == null ? new String[0] : text.trim().split("[\\s,]+")) {
            if (term.isEmpty()) {
                continue;
            }
            int notEquals = term.indexOf("!=");
            int equals = term.indexOf('=');
            if (notEquals > 0) {
                String key = term.substring(0, notEquals);
                String value = term.substring(notEquals + 2);
                terms.add(row -> !value.equals(String.valueOf(labels(row).get(key))));
            } else if (equals > 0) {
                String key = term.substring(0, equals);
                boolean doubled = equals + 1 < term.length() && term.charAt(equals + 1) == '=';
                String value = term.substring(doubled ? equals + 2 : equals + 1);
                terms.add(row -> value.equals(String.valueOf(labels(row).get(key))));
            } else {
                String needle = term.toLowerCase(Locale.ROOT);
                terms.add(row -> row.name().toLowerCase(Locale.ROOT).contains(needle));
            }
        }
        return row -> terms.stream().allMatch(t -> t.test(row));
    }

    private static Map<String, Object> labels(ResourceRow row) {
        return row.object().labels();
    }
}

package dev.wheelhouse.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Forwards the user marked favourite, per context, kept in the settings under {@code context.<name>.forwards} as
 * plain maps (kind, namespace, name, port, selector, local port), so they can be started again in one click.
 */
public final class FavouriteForwards {
    /** A favourite: what to forward, and the local port it had (0: choose again). */
    public record Favourite(ForwardTarget target, int localPort) {
    }

    private FavouriteForwards() {
    }

    public static String key(String context) {
        return "context." + context + ".forwards";
    }

    public static List<Favourite> of(Settings settings, String context) {
        List<Favourite> favourites = new ArrayList<>();
        for (Object entry : settings.list(key(context))) {
            if (entry instanceof Map<?, ?> map && map.get("port") instanceof Number port && map.get("kind") != null
                    && map.get("namespace") != null && map.get("name") != null) {
                Map<String, String> selector = new LinkedHashMap<>();
                if (map.get("selector") instanceof Map<?, ?> labels) {
                    labels.forEach((k, v) -> selector.put(Objects.toString(k), Objects.toString(v)));
                }
                try {
                    favourites.add(new Favourite(new ForwardTarget(map.get("kind").toString(), map.get("namespace").toString(),
                            map.get("name").toString(), port.intValue(), selector),
                            map.get("localPort") instanceof Number local ? local.intValue() : 0));
                } catch (IllegalArgumentException e) {
                    // An entry edited by hand into something that is no forward: skip it.
                }
            }
        }
        return favourites;
    }

    /** The settings with {@code favourite} added (or its local port updated) for {@code context}. */
    public static Settings with(Settings settings, String context, Favourite favourite) {
        List<Favourite> all = new ArrayList<>(of(settings, context));
        all.removeIf(f -> f.target().equals(favourite.target()));
        all.add(favourite);
        return write(settings, context, all);
    }

    public static Settings without(Settings settings, String context, ForwardTarget target) {
        List<Favourite> all = new ArrayList<>(of(settings, context));
        all.removeIf(f -> f.target().equals(target));
        return write(settings, context, all);
    }

    private static Settings write(Settings settings, String context, List<Favourite> favourites) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Favourite f : favourites) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", f.target().kind());
            entry.put("namespace", f.target().namespace());
            entry.put("name", f.target().name());
            entry.put("port", f.target().port());
            if (!f.target().selector().isEmpty()) {
                entry.put("selector", new LinkedHashMap<>(f.target().selector()));
            }
            entry.put("localPort", f.localPort());
            entries.add(entry);
        }
        return settings.with(key(context), entries.isEmpty() ? null : entries);
    }
}

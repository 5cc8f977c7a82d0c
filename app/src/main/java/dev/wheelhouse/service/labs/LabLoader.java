package dev.wheelhouse.service.labs;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads the labs kept as data in {@code dev/wheelhouse/labs/} (the ui-resources module): {@code index.txt}
 * names the files in order, each file one lab. A mistake in a file fails loudly, naming the file and step.
 */
public final class LabLoader {
    static final String FOLDER = "/dev/wheelhouse/labs/";

    private LabLoader() {
    }

    /** Every lab, in the index's order. */
    public static List<Lab> builtIn() {
        List<Lab> labs = new ArrayList<>();
        for (String line : read("index.txt").lines().toList()) {
            String file = line.strip();
            if (!file.isEmpty() && !file.startsWith("#")) {
                labs.add(parse(file, read(file)));
            }
        }
        return labs;
    }

    private static String read(String file) {
        try (InputStream in = LabLoader.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("No lab resource " + FOLDER + file + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One lab from its YAML text; {@code source} names it in error messages. */
    public static Lab parse(String source, String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException(source + ": a lab is a mapping with id, title, intro, namespaces and steps");
        }
        List<String> namespaces = strings(root.get("namespaces"), source + ": namespaces");
        if (namespaces.isEmpty()) {
            throw new IllegalArgumentException(source + ": a lab owns at least one namespace, to work in and to reset");
        }
        List<LabStep> steps = new ArrayList<>();
        List<?> stepNodes = root.get("steps") instanceof List<?> l ? l : List.of();
        for (int i = 0; i < stepNodes.size(); i++) {
            String where = source + ", step " + (i + 1);
            if (!(stepNodes.get(i) instanceof Map<?, ?> step)) {
                throw new IllegalArgumentException(where + ": a step is a mapping");
            }
            List<LabCheck> checks = new ArrayList<>();
            for (Object check : step.get("checks") instanceof List<?> l ? l : List.of()) {
                checks.add(check(check, where, namespaces));
            }
            steps.add(new LabStep(text(step, "text", where), text(step, "hint", where),
                    strings(step.get("commands"), where + ": commands"), checks));
            if (steps.get(i).commands().isEmpty() || checks.isEmpty()) {
                throw new IllegalArgumentException(where + ": every step needs at least one command and one check");
            }
        }
        if (steps.isEmpty()) {
            throw new IllegalArgumentException(source + ": a lab has steps");
        }
        return new Lab(text(root, "id", source), text(root, "title", source), text(root, "intro", source), namespaces, steps);
    }

    private static LabCheck check(Object node, String where, List<String> owned) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": a check is a mapping such as {exists: Namespace, name: lab-dev}");
        }
        LabCheck check;
        if (map.containsKey("exists")) {
            String kindName = text(map, "exists", where);
            KindDescriptor kind = LabCheck.KINDS.findByKind(kindName)
                    .orElseThrow(() -> new IllegalArgumentException(where + ": unknown kind " + kindName));
            if (!kind.type().namespaced() && kind != KindRegistry.NAMESPACE) {
                // Reset deletes the lab's namespaces; a cluster-scoped object of another kind would outlive it.
                throw new IllegalArgumentException(where + ": a lab makes no cluster-scoped objects but its namespaces");
            }
            check = new LabCheck.Exists(kind, text(map, "name", where), kind.type().namespaced() ? text(map, "namespace", where) : "");
        } else if (map.containsKey("readyReplicas")) {
            check = new LabCheck.ReadyReplicas(text(map, "deployment", where), text(map, "namespace", where), number(map, "readyReplicas", where));
        } else if (map.containsKey("replicaSets")) {
            check = new LabCheck.ReplicaSetCount(text(map, "deployment", where), text(map, "namespace", where), number(map, "replicaSets", where));
        } else if (map.containsKey("image")) {
            check = new LabCheck.Image(text(map, "deployment", where), text(map, "namespace", where), text(map, "image", where));
        } else if (map.containsKey("usesSecret")) {
            check = new LabCheck.UsesSecret(text(map, "deployment", where), text(map, "namespace", where), text(map, "usesSecret", where));
        } else if (map.containsKey("serviceType")) {
            check = new LabCheck.ServiceType(text(map, "service", where), text(map, "namespace", where), text(map, "serviceType", where));
        } else if (map.containsKey("autoscales")) {
            check = new LabCheck.Autoscales(text(map, "autoscales", where), text(map, "namespace", where));
        } else {
            throw new IllegalArgumentException(where + ": unknown check " + map.keySet());
        }
        String namespace = check instanceof LabCheck.Exists e && e.kind() == KindRegistry.NAMESPACE ? e.name() : check.namespace();
        if (!owned.contains(namespace)) {
            throw new IllegalArgumentException(where + ": " + check.describe() + " is outside the lab's namespaces " + owned);
        }
        return check;
    }

    private static String text(Map<?, ?> map, String key, String where) {
        if (!(map.get(key) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException(where + ": " + key + " is missing");
        }
        return value.strip();
    }

    private static int number(Map<?, ?> map, String key, String where) {
        if (!(map.get(key) instanceof Integer value) || value < 0) {
            throw new IllegalArgumentException(where + ": " + key + " is a whole number");
        }
        return value;
    }

    private static List<String> strings(Object node, String where) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(where + " is a list of text");
        }
        return list.stream().map(String.class::cast).map(String::strip).toList();
    }
}

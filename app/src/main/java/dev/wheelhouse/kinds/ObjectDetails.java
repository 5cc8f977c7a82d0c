package dev.wheelhouse.kinds;

import static dev.wheelhouse.kinds.Cells.maps;
import static dev.wheelhouse.kinds.Cells.text;

import dev.wheelhouse.kube.JsonMaps;
import dev.wheelhouse.model.KubeObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the details pane shows for one object, as plain sections of lines: metadata, the kind's own
 * details, status and conditions, containers, data, and links to the objects it names.
 * Secret values are marked secret; the view masks them until the user reveals one.
 */
public final class ObjectDetails {
    private static final int LONG_VALUE = 300;
    private static final String MASKED = "<masked>";

    /** Another object, by kind and name, that a line can link to. */
    public record Link(String kind, String namespace, String name) {
    }

    /** One label and value; a secret value never appears in {@link #toString()}, so no log or message carries it. */
    public record Line(String label, String value, Link link, boolean secret) {
        static Line of(String label, String value) {
            return new Line(label, value, null, false);
        }

        @Override
        public String toString() {
            return "Line[label=" + label + ", value=" + (secret ? MASKED : value) + ", link=" + link + ", secret=" + secret + "]";
        }
    }

    public record Section(String title, List<Line> lines) {
    }

    private ObjectDetails() {
    }

    public static List<Section> of(KindDescriptor kind, KubeObject object) {
        List<Section> sections = new ArrayList<>();
        sections.add(metadata(object));
        List<Line> own = new ArrayList<>();
        for (Detail detail : kind.details()) {
            String value = detail.value().apply(object);
            if (!value.isBlank()) {
                own.add(Line.of(detail.label(), value));
            }
        }
        if (!own.isEmpty()) {
            sections.add(new Section(kind.kind(), own));
        }
        Section status = status(object);
        if (!status.lines().isEmpty()) {
            sections.add(status);
        }
        containers(object).ifPresent(sections::add);
        data(object).ifPresent(sections::add);
        List<Line> references = references(object).stream()
                .map(l -> new Line(l.kind(), l.name(), l, false)).toList();
        if (!references.isEmpty()) {
            sections.add(new Section("Uses and belongs to", references));
        }
        return sections;
    }

    private static Section metadata(KubeObject o) {
        List<Line> lines = new ArrayList<>();
        lines.add(Line.of("Name", o.name()));
        if (!o.namespace().isEmpty()) {
            lines.add(Line.of("Namespace", o.namespace()));
        }
        o.creationTimestamp().ifPresent(t -> lines.add(Line.of("Created", t + " (" + Cells.age(Duration.between(t, Instant.now())) + " ago)")));
        o.labels().forEach((k, v) -> lines.add(Line.of("Label", k + "=" + v)));
        // kubectl apply's copy of the whole object is long, said better by the rest of the pane, and for a Secret
        // holds its values in clear. A Secret's other annotations may hold credentials too: masked like its data.
        boolean secret = isSecret(o);
        o.annotations().forEach((k, v) -> {
            if (k.equals(JsonMaps.LAST_APPLIED)) {
                return;
            }
            String value = KubeObject.text(v);
            String shown = value.length() > LONG_VALUE ? value.substring(0, LONG_VALUE) + "…" : value;
            lines.add(secret ? new Line("Annotation " + k, shown, null, true) : Line.of("Annotation", k + "=" + shown));
        });
        for (Map<String, Object> owner : maps(o.list("metadata.ownerReferences"))) {
            lines.add(new Line("Owner", text(owner, "kind") + " " + text(owner, "name"),
                    new Link(text(owner, "kind"), o.namespace(), text(owner, "name")), false));
        }
        return new Section("Metadata", lines);
    }

    private static Section status(KubeObject o) {
        List<Line> lines = new ArrayList<>();
        if (!o.string("status.phase").isEmpty()) {
            lines.add(Line.of("Phase", o.string("status.phase")));
        }
        for (Map<String, Object> condition : maps(o.list("status.conditions"))) {
            String reason = text(condition, "reason");
            String message = text(condition, "message");
            lines.add(Line.of(text(condition, "type"), text(condition, "status")
                    + (reason.isEmpty() ? "" : " (" + reason + ")") + (message.isEmpty() ? "" : ": " + message)));
        }
        return new Section("Status", lines);
    }

    /** The pod template's containers, wherever the kind keeps them, with live state for Pods. */
    private static Optional<Section> containers(KubeObject o) {
        String spec = podSpecPath(o);
        if (spec == null) {
            return Optional.empty();
        }
        List<Map<String, Object>> statuses = maps(o.list("status.containerStatuses"));
        List<Line> lines = new ArrayList<>();
        for (Map<String, Object> container : maps(o.list(spec + ".containers"))) {
            String name = text(container, "name");
            lines.add(Line.of(name, text(container, "image")));
            String ports = maps(list(container, "ports")).stream()
                    .map(p -> text(p, "containerPort") + "/" + (text(p, "protocol").isEmpty() ? "TCP" : text(p, "protocol")))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            if (!ports.isEmpty()) {
                lines.add(Line.of("  ports", ports));
            }
            Map<String, Object> resources = map(container, "resources");
            if (!resources.isEmpty()) {
                lines.add(Line.of("  resources", "requests " + map(resources, "requests") + ", limits " + map(resources, "limits")));
            }
            for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
                Map<String, Object> p = map(container, probe);
                if (!p.isEmpty()) {
                    String how = p.containsKey("httpGet") ? "HTTP GET " + text(map(p, "httpGet"), "path") + " port " + text(map(p, "httpGet"), "port")
                            : p.containsKey("tcpSocket") ? "TCP port " + text(map(p, "tcpSocket"), "port")
                            : p.containsKey("exec") ? "exec " + list(map(p, "exec"), "command") : "grpc";
                    lines.add(Line.of("  " + probe.replace("Probe", " probe"), how));
                }
            }
            for (Map<String, Object> from : maps(list(container, "envFrom"))) {
                Map<String, Object> cm = map(from, "configMapRef");
                Map<String, Object> secret = map(from, "secretRef");
                if (!cm.isEmpty()) {
                    lines.add(new Line("  env from", "ConfigMap " + text(cm, "name"), new Link("ConfigMap", o.namespace(), text(cm, "name")), false));
                }
                if (!secret.isEmpty()) {
                    lines.add(new Line("  env from", "Secret " + text(secret, "name"), new Link("Secret", o.namespace(), text(secret, "name")), false));
                }
            }
            for (Map<String, Object> env : maps(list(container, "env"))) {
                Map<String, Object> source = map(env, "valueFrom");
                String value = source.isEmpty() ? text(env, "value")
                        : !map(source, "secretKeyRef").isEmpty() ? "from Secret " + text(map(source, "secretKeyRef"), "name")
                        : !map(source, "configMapKeyRef").isEmpty() ? "from ConfigMap " + text(map(source, "configMapKeyRef"), "name")
                        : "from the pod's fields";
                lines.add(Line.of("  env " + text(env, "name"), value));
            }
            statuses.stream().filter(s -> name.equals(s.get("name"))).findFirst().ifPresent(s -> lines.add(Line.of("  state",
                    String.join(", ", map(s, "state").keySet()) + (Boolean.TRUE.equals(s.get("ready")) ? ", ready" : ", not ready")
                            + ", restarts " + text(s, "restartCount"))));
        }
        return Optional.of(new Section("Containers", lines));
    }

    /** ConfigMap values in clear; Secret values decoded but marked secret, so the view masks them. */
    private static Optional<Section> data(KubeObject o) {
        boolean secret = isSecret(o);
        Map<String, Object> data = o.map("data");
        if (data.isEmpty() || !(secret || "ConfigMap".equals(o.kind()))) {
            return Optional.empty();
        }
        List<Line> lines = new ArrayList<>();
        data.forEach((key, value) -> lines.add(new Line(key, secret ? decode(KubeObject.text(value)) : KubeObject.text(value), null, secret)));
        return Optional.of(new Section("Data", lines));
    }

    /** The objects this one names: its node, its owners, the ConfigMaps, Secrets and claims its pods use. */
    public static List<Link> references(KubeObject o) {
        Set<Link> links = new LinkedHashSet<>();
        String ns = o.namespace();
        if (!o.string("spec.nodeName").isEmpty()) {
            links.add(new Link("Node", "", o.string("spec.nodeName")));
        }
        for (Map<String, Object> owner : maps(o.list("metadata.ownerReferences"))) {
            links.add(new Link(text(owner, "kind"), ns, text(owner, "name")));
        }
        String spec = podSpecPath(o);
        if (spec != null) {
            KubeObject pod = new KubeObject(Map.of("spec", o.map(spec)));
            PodUses.configMaps(pod).keySet().forEach(name -> links.add(new Link("ConfigMap", ns, name)));
            PodUses.secrets(pod).keySet().forEach(name -> links.add(new Link("Secret", ns, name)));
            for (Map<String, Object> volume : maps(o.list(spec + ".volumes"))) {
                Map<String, Object> claim = map(volume, "persistentVolumeClaim");
                if (!claim.isEmpty()) {
                    links.add(new Link("PersistentVolumeClaim", ns, text(claim, "claimName")));
                }
            }
        }
        return List.copyOf(links);
    }

    /** By kind alone: masking a custom kind that is also called Secret is the safe mistake. */
    private static boolean isSecret(KubeObject o) {
        return "Secret".equals(o.kind());
    }

    private static String podSpecPath(KubeObject o) {
        for (String path : List.of("spec", "spec.template.spec", "spec.jobTemplate.spec.template.spec")) {
            if (!o.list(path + ".containers").isEmpty()) {
                return path;
            }
        }
        return null;
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return base64;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        return parent.get(key) instanceof List<?> l ? (List<Object>) l : List.of();
    }
}

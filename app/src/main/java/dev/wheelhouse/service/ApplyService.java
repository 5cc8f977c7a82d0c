package dev.wheelhouse.service;

import com.google.gson.Gson;
import dev.wheelhouse.kube.ClusterConnection;
import dev.wheelhouse.kube.KubeFailures;
import dev.wheelhouse.kube.ServerRefusal;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.ProblemException;
import dev.wheelhouse.model.ResourceType;
import dev.wheelhouse.service.manifest.ApplyOrder;
import dev.wheelhouse.service.manifest.FieldPath;
import dev.wheelhouse.service.manifest.Manifest;
import dev.wheelhouse.service.manifest.ManifestDiff;
import dev.wheelhouse.service.manifest.ManifestDocument;
import dev.wheelhouse.service.manifest.ManifestProblem;
import dev.wheelhouse.service.manifest.ObjectYaml;
import dev.wheelhouse.service.manifest.Position;
import dev.wheelhouse.service.manifest.ServerCauses;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code kubectl apply --server-side --field-manager=wheelhouse}: each document of a manifest applied
 * (or dry-run) on its own, Namespaces and CRDs first, waiting for each CRD to be Established before the
 * kinds it defines. Every document gets a result; a refusal points at the lines the server named.
 * Methods block: call them off the UI thread.
 */
public final class ApplyService {
    public static final String FIELD_MANAGER = "wheelhouse";
    private static final Duration ESTABLISHED_WITHIN = Duration.ofSeconds(60);
    private static final Duration DISCOVERED_WITHIN = Duration.ofSeconds(15);
    private static final Gson GSON = new Gson();

    private final ClusterConnection connection;
    private final ReadOnlyMode readOnly;

    ApplyService(ClusterConnection connection, ReadOnlyMode readOnly) {
        this.connection = connection;
        this.readOnly = readOnly;
    }

    public enum Outcome {
        APPLIED, DRY_RUN_PASSED, CONFLICT, REFUSED, NOT_SENT;

        public boolean ok() {
            return this == APPLIED || this == DRY_RUN_PASSED;
        }
    }

    /** A field another manager owns: apply again with force to take it over. */
    public record Conflict(String field, String manager, int line, String message) {
    }

    /**
     * What became of one document. {@code before} is the live object when the apply started (null if it did not
     * exist), {@code after} what the server stored or would store (null if refused).
     */
    public record DocumentResult(int index, String title, Outcome outcome, String message, List<ManifestProblem> problems,
                                 List<Conflict> conflicts, KubeObject before, KubeObject after) {
        /** The dry-run or apply result against the live object, as kubectl diff shows it. */
        public ManifestDiff diff() {
            return ManifestDiff.of(title.replace(' ', '/'), before == null ? null : before.fields(), after == null ? null : after.fields());
        }
    }

    /** The equivalent command line for a file. */
    public static String command(String file, boolean force, boolean dryRun) {
        return "kubectl apply --server-side --field-manager=" + FIELD_MANAGER + (force ? " --force-conflicts" : "")
                + (dryRun ? " --dry-run=server" : "") + " -f " + file;
    }

    /** The object as the server has it now, whole (managedFields and all); empty if it does not exist. */
    public Optional<KubeObject> fetch(ResourceType type, String namespace, String name) throws ProblemException {
        try {
            return connection.find(type, namespace, name);
        } catch (Exception e) {
            throw new ProblemException(KubeFailures.toProblem(e, connection.context().server()), e);
        }
    }

    /** The object's current resourceVersion, "" if it is gone. */
    public String resourceVersion(ResourceType type, String namespace, String name) throws ProblemException {
        return fetch(type, namespace, name).map(o -> o.string("metadata.resourceVersion")).orElse("");
    }

    /**
     * Applies (or dry-runs) every document in dependency order. {@code namespace} is where documents that name
     * none go, as {@code kubectl apply -n}. Syntax problems stop everything before anything is sent.
     */
    public List<DocumentResult> apply(Manifest manifest, String namespace, boolean force, boolean dryRun, Consumer<String> progress) {
        List<DocumentResult> results = new ArrayList<>();
        if (!manifest.problems().isEmpty()) {
            ManifestProblem first = manifest.problems().get(0);
            results.add(new DocumentResult(-1, "manifest", Outcome.NOT_SENT, "Not sent: the YAML does not parse at line "
                    + first.line() + ": " + first.message(), manifest.problems(), List.of(), null, null));
            return results;
        }
        if (!dryRun && readOnly.isOn()) {
            // A dry run changes nothing, so classrooms may still check and diff their manifests.
            results.add(new DocumentResult(-1, "manifest", Outcome.NOT_SENT, "Apply refused. " + ReadOnlyMode.REASON,
                    List.of(), List.of(), null, null));
            return results;
        }
        List<String> definedNow = new ArrayList<>();
        for (ManifestDocument document : ApplyOrder.of(manifest.documents())) {
            if (document.value() == null) {
                continue; // an empty document, as after a trailing ---
            }
            progress.accept((dryRun ? "Dry run of " : "Applying ") + title(document) + "…");
            DocumentResult result = applyOne(document, namespace, force, dryRun, definedNow);
            results.add(result);
            if (!dryRun && result.outcome() == Outcome.APPLIED && ApplyOrder.isDefinition(document)) {
                progress.accept("Waiting until " + document.name() + " is Established…");
                results.set(results.size() - 1, waitEstablished(result, document.name()));
                definedNow.add(definedKind(document));
            } else if (dryRun && result.outcome().ok() && ApplyOrder.isDefinition(document)) {
                definedNow.add(definedKind(document));
            }
        }
        return results;
    }

    private DocumentResult applyOne(ManifestDocument document, String namespace, boolean force, boolean dryRun, List<String> definedNow) {
        String title = title(document);
        if (document.apiVersion().isEmpty() || document.kind().isEmpty() || document.name().isEmpty()) {
            return refused(document, title, "Not sent: a document needs apiVersion, kind and metadata.name.", List.of());
        }
        String group = document.apiVersion().contains("/") ? document.apiVersion().substring(0, document.apiVersion().indexOf('/')) : "";
        boolean definedHere = definedNow.contains(group + "/" + document.kind());
        Optional<ResourceType> type;
        try {
            type = connection.resolve(document.apiVersion(), document.kind());
            // Discovery serves a kind shortly after its CRD is Established, not at the same instant.
            long deadline = System.nanoTime() + DISCOVERED_WITHIN.toNanos();
            while (type.isEmpty() && definedHere && !dryRun && System.nanoTime() < deadline) {
                Thread.sleep(250);
                type = connection.resolve(document.apiVersion(), document.kind());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(document, title, title + ": interrupted.", List.of());
        } catch (Exception e) {
            return failed(document, title, e);
        }
        if (type.isEmpty()) {
            String why = dryRun && definedHere
                    ? "Not dry-run: its CustomResourceDefinition in this manifest does not exist on the server yet (apply creates it first)."
                    : "Not sent: the server serves no kind " + document.kind() + " in " + document.apiVersion() + ".";
            return new DocumentResult(document.index(), title, Outcome.NOT_SENT, why, List.of(kindProblem(document, why)), List.of(), null, null);
        }
        Map<String, Object> body = ObjectYaml.forApply(document.map());
        String ns = type.get().namespaced() ? namespaceOf(document, namespace) : "";
        if (type.get().namespaced()) {
            ObjectYamlAccess.metadata(body).put("namespace", ns);
        } else {
            ObjectYamlAccess.metadata(body).remove("namespace");
        }
        KubeObject before;
        try {
            before = fetch(type.get(), ns, document.name()).orElse(null);
        } catch (ProblemException e) {
            return failed(document, title, e);
        }
        try {
            KubeObject after = connection.apply(type.get(), ns, document.name(), GSON.toJson(body), FIELD_MANAGER, force, dryRun);
            String verb = dryRun ? "would be " : "";
            String what = before == null ? verb + "created" : verb + (changed(before, after) ? "configured" : "unchanged");
            return new DocumentResult(document.index(), title, dryRun ? Outcome.DRY_RUN_PASSED : Outcome.APPLIED,
                    title + " " + what + (dryRun ? " (server dry run)" : "") + ".", List.of(), List.of(), before, after);
        } catch (ServerRefusal refusal) {
            DocumentResult refused = refusal(document, title, refusal, before);
            if (dryRun && !force && refused.outcome() == Outcome.CONFLICT) {
                // The preview still shows what Force would change; the conflict stays the outcome.
                try {
                    KubeObject forced = connection.apply(type.get(), ns, document.name(), GSON.toJson(body), FIELD_MANAGER, true, true);
                    return new DocumentResult(refused.index(), title, Outcome.CONFLICT, refused.message(), refused.problems(),
                            refused.conflicts(), before, forced);
                } catch (Exception forcedFailed) {
                    return refused;
                }
            }
            return refused;
        } catch (Exception e) {
            return failed(document, title, e);
        }
    }

    private static boolean changed(KubeObject before, KubeObject after) {
        return !before.string("metadata.resourceVersion").equals(after.string("metadata.resourceVersion"))
                || ManifestDiff.of("", before.fields(), after.fields()).hasChanges();
    }

    private DocumentResult refusal(ManifestDocument document, String title, ServerRefusal refusal, KubeObject before) {
        List<ServerCauses.Cause> causes = refusal.causes().stream().map(c -> new ServerCauses.Cause(c.field(), c.message())).toList();
        List<ManifestProblem> problems = ServerCauses.locate(document, refusal.getMessage(), causes);
        if (refusal.code() == 409 && refusal.causes().stream().anyMatch(c -> c.reason().equals("FieldManagerConflict"))) {
            List<Conflict> conflicts = new ArrayList<>();
            for (ServerRefusal.Cause cause : refusal.causes()) {
                ManifestProblem at = ServerCauses.at(document, cause.field(), cause.message());
                conflicts.add(new Conflict(at.field(), ServerCauses.manager(cause.message()), at.line(), cause.message()));
            }
            String managers = String.join(", ", conflicts.stream().map(c -> "\"" + c.manager() + "\"").distinct().toList());
            return new DocumentResult(document.index(), title, Outcome.CONFLICT, title + ": " + conflicts.size()
                    + (conflicts.size() == 1 ? " field is" : " fields are") + " owned by " + managers
                    + ". Force takes them over.", problems, conflicts, before, null);
        }
        return new DocumentResult(document.index(), title, Outcome.REFUSED, title + ": " + refusal.getMessage(), problems, List.of(), before, null);
    }

    private DocumentResult waitEstablished(DocumentResult applied, String crdName) {
        long deadline = System.nanoTime() + ESTABLISHED_WITHIN.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (connection.crdEstablished(crdName)) {
                    return applied;
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            return new DocumentResult(applied.index(), applied.title(), Outcome.APPLIED, applied.message()
                    + " Could not check that it is Established: " + e.getMessage(), applied.problems(), List.of(), applied.before(), applied.after());
        }
        return new DocumentResult(applied.index(), applied.title(), Outcome.APPLIED, applied.message()
                + " It was not Established within " + ESTABLISHED_WITHIN.toSeconds() + " s.", applied.problems(), List.of(), applied.before(), applied.after());
    }

    private DocumentResult failed(ManifestDocument document, String title, Exception e) {
        String message = e instanceof ProblemException p ? p.problem().message()
                : KubeFailures.toProblem(e, connection.context().server()).message();
        return refused(document, title, title + ": " + message, List.of());
    }

    private static DocumentResult refused(ManifestDocument document, String title, String message, List<Conflict> conflicts) {
        Position start = document.start();
        return new DocumentResult(document.index(), title, Outcome.REFUSED, message,
                List.of(new ManifestProblem(start.line(), start.column(), "", message, ManifestProblem.Source.SERVER)), conflicts, null, null);
    }

    private static ManifestProblem kindProblem(ManifestDocument document, String message) {
        Position at = document.positionOf(FieldPath.parse("kind")).orElse(document.start());
        return new ManifestProblem(at.line(), at.column(), "kind", message, ManifestProblem.Source.SERVER);
    }

    private static String definedKind(ManifestDocument crd) {
        Object spec = crd.map().get("spec");
        if (spec instanceof Map<?, ?> s && s.get("names") instanceof Map<?, ?> names) {
            return s.get("group") + "/" + names.get("kind");
        }
        return "";
    }

    private static String namespaceOf(ManifestDocument document, String fallback) {
        Object namespace = ObjectYamlAccess.read(document.map()).get("namespace");
        return namespace instanceof String s && !s.isBlank() ? s : fallback == null || fallback.isBlank() ? "default" : fallback;
    }

    /** {@code Deployment dev/web}, or {@code Namespace web} when cluster-scoped or unknown. */
    static String title(ManifestDocument document) {
        Object namespace = ObjectYamlAccess.read(document.map()).get("namespace");
        String ns = namespace instanceof String s && !s.isBlank() ? s + "/" : "";
        return (document.kind().isEmpty() ? "document " + (document.index() + 1) : document.kind()) + " " + ns + document.name();
    }

    /** Metadata maps: read from parsed documents, written only in the copies that are sent. */
    private static final class ObjectYamlAccess {
        static Map<?, ?> read(Map<String, Object> object) {
            return object.get("metadata") instanceof Map<?, ?> m ? m : Map.of();
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> metadata(Map<String, Object> object) {
            Object metadata = object.get("metadata");
            if (metadata instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            Map<String, Object> created = new java.util.LinkedHashMap<>();
            object.put("metadata", created);
            return created;
        }
    }
}

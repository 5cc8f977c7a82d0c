package dev.wheelhouse.kube;

import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.Problem;
import io.kubernetes.client.util.KubeConfig;
import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Several kubeconfig files read as one, as kubectl merges them: clusters, contexts and
 * users by name with the first file winning, and the first non-empty current-context.
 * The client library reads only one file, so Wheelhouse merges them itself.
 * Files are only read, never written.
 */
public final class MergedKubeconfig {
    private static final List<String> CLUSTER_PATHS = List.of("certificate-authority");
    private static final List<String> USER_PATHS = List.of("client-certificate", "client-key", "tokenFile");
    /** Fields the client library casts without asking (a quoted "true" or an unquoted number would throw there). */
    private static final List<String> CLUSTER_FLAGS = List.of("insecure-skip-tls-verify", "disable-compression");
    private static final List<String> CLUSTER_TEXTS = List.of("server", "certificate-authority", "certificate-authority-data",
            "tls-server-name", "proxy-url");
    private static final List<String> USER_TEXTS = List.of("client-certificate", "client-certificate-data", "client-key",
            "client-key-data", "token", "tokenFile", "username", "password");
    /** What kubectl 1.26+ says of the auth providers it no longer has; of these, the client library knows only oidc. */
    private static final Map<String, String> REMOVED_AUTH_PROVIDERS = Map.of(
            "gcp", "The gcp auth plugin has been removed.\nPlease use the \"gke-gcloud-auth-plugin\" kubectl/client-go credential "
                    + "plugin instead.\nSee https://cloud.google.com/blog/products/containers-kubernetes/kubectl-auth-changes-in-gke "
                    + "for further details",
            "azure", "The azure auth plugin has been removed.\nPlease use the https://github.com/Azure/kubelogin kubectl/client-go "
                    + "credential plugin instead.\nSee https://kubernetes.io/docs/reference/access-authn-authz/authentication/"
                    + "#client-go-credential-plugins for further details");

    private final Map<String, Map<String, Object>> clusters = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> contexts = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> users = new LinkedHashMap<>();
    /** Where each entry of clusters, contexts and users was defined. */
    private final Map<Map<String, Object>, Origin> origins = new IdentityHashMap<>();
    private final Map<Path, String> texts = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<Path> files;
    private String currentContext = "";

    private MergedKubeconfig(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /** Reads every file; a missing file is skipped (as kubectl does), a broken one becomes a problem. */
    public static MergedKubeconfig load(List<Path> files) {
        MergedKubeconfig merged = new MergedKubeconfig(files);
        for (Path file : files) {
            merged.read(file);
        }
        return merged;
    }

    public List<Path> files() {
        return files;
    }

    public String currentContext() {
        return currentContext;
    }

    /** Errors found while reading, each naming its file and, where known, its line. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    public List<ContextInfo> contexts() {
        List<ContextInfo> result = new ArrayList<>();
        contexts.forEach((name, entry) -> result.add(describe(name, entry)));
        return result;
    }

    public Optional<ContextInfo> context(String name) {
        return Optional.ofNullable(contexts.get(name)).map(entry -> describe(name, entry));
    }

    /**
     * The client library's view of one context, with every path already absolute. The user's credential
     * plugin is left out ({@link #execPlugin} runs it); {@code credentialFields} are added to the user instead.
     *
     * @throws KubeconfigException when the context, or the cluster or user it names, is missing
     */
    KubeConfig clientConfig(String contextName, Map<String, Object> credentialFields) {
        Map<String, Object> body = contextBody(contextName);
        String userName = text(body, "user");
        refuseWhatKubectlRefuses(clusters.get(text(body, "cluster")), users.get(userName));
        ArrayList<Object> contextList = new ArrayList<>(contexts.values());
        ArrayList<Object> clusterList = new ArrayList<>(clusters.values());
        ArrayList<Object> userList = new ArrayList<>();
        for (Map<String, Object> user : users.values()) {
            if (user.get("name").equals(userName)) {
                Map<String, Object> copy = deepCopy(withTokenFileRead(userName, user));
                Map<String, Object> credentials = childMap(copy, "user");
                credentials.remove("exec");
                credentials.putAll(credentialFields);
                copy.put("user", credentials);
                userList.add(copy);
            } else {
                userList.add(user);
            }
        }
        KubeConfig config = new KubeConfig(contextList, clusterList, userList);
        if (!config.setContext(contextName)) {
            throw new KubeconfigException("The client library did not accept context '" + contextName + "'");
        }
        return config;
    }

    private void refuseWhatKubectlRefuses(Map<String, Object> clusterEntry, Map<String, Object> userEntry) {
        Map<String, Object> cluster = childMap(clusterEntry, "cluster");
        refuseWrongTypes(clusterEntry, "cluster", CLUSTER_FLAGS, CLUSTER_TEXTS);
        if (userEntry != null) {
            refuseWrongTypes(userEntry, "user", List.of(), USER_TEXTS);
        }
        String authority = !text(cluster, "certificate-authority-data").isEmpty() ? "certificate-authority-data"
                : !text(cluster, "certificate-authority").isEmpty() ? "certificate-authority" : "";
        if (Boolean.TRUE.equals(cluster.get("insecure-skip-tls-verify")) && !authority.isEmpty()) {
            throw new KubeconfigException(where(clusterEntry) + ": cluster '" + clusterEntry.get("name") + "' sets both "
                    + authority + " and insecure-skip-tls-verify: true; kubectl refuses that (\"specifying a root certificates "
                    + "file with the insecure flag is not allowed\"): remove one of them");
        }
        if (userEntry != null && childMap(userEntry, "user").get("auth-provider") instanceof Map<?, ?> provider) {
            String name = String.valueOf(provider.get("name"));
            if (!name.equals("oidc")) {
                throw new KubeconfigException(where(userEntry) + ": user '" + userEntry.get("name") + "': "
                        + REMOVED_AUTH_PROVIDERS.getOrDefault(name, "no Auth Provider found for name \"" + name + "\""));
            }
        }
    }

    /** As kubectl, which refuses such a file whole ("cannot unmarshal string into ... of type bool"), but naming the field. */
    private void refuseWrongTypes(Map<String, Object> entry, String section, List<String> flags, List<String> texts) {
        Map<String, Object> body = childMap(entry, section);
        for (String flag : flags) {
            Object value = body.get(flag);
            if (value != null && !(value instanceof Boolean)) {
                throw new KubeconfigException(where(entry) + ": " + section + " '" + entry.get("name") + "': " + flag + " is "
                        + (value instanceof String quoted ? "\"" + quoted + "\", in quotes" : shown(value)) + ", not true or false");
            }
        }
        for (String text : texts) {
            Object value = body.get(text);
            if (value != null && !(value instanceof String)) {
                throw new KubeconfigException(where(entry) + ": " + section + " '" + entry.get("name") + "': " + text + " is "
                        + shown(value) + ", not text" + (value instanceof Map || value instanceof List ? "" : ": quote it"));
            }
        }
    }

    /** A wrong value as the message shows it: never a credential's text, only its kind. */
    private static String shown(Object value) {
        return value instanceof String ? "text in quotes" : value instanceof Map ? "a mapping" : value instanceof List ? "a list"
                : value instanceof Boolean ? "true or false" : "a number";
    }

    /**
     * Refuses a context whose certificate or key files cannot be read, as kubectl does ("unable to read client-key
     * ... for ... due to ..."), naming the kubeconfig's file, line and field: the client library would fail with
     * the path alone.
     *
     * @throws KubeconfigException for the first such file
     */
    void refuseUnreadableFiles(String contextName) {
        Map<String, Object> body = contextBody(contextName);
        Map<String, Object> clusterEntry = clusters.get(text(body, "cluster"));
        Map<String, Object> userEntry = users.get(text(body, "user"));
        if (clusterEntry != null) {
            refuseUnreadable(clusterEntry, "cluster", List.of("certificate-authority"));
        }
        if (userEntry != null) {
            refuseUnreadable(userEntry, "user", List.of("client-certificate", "client-key"));
        }
    }

    private void refuseUnreadable(Map<String, Object> entry, String section, List<String> pathFields) {
        Map<String, Object> body = childMap(entry, section);
        for (String field : pathFields) {
            String path = text(body, field);
            if (!path.isEmpty() && !Files.isReadable(Path.of(path))) {
                throw new KubeconfigException(where(entry) + ": " + section + " '" + entry.get("name") + "': " + field + " "
                        + path + (Files.exists(Path.of(path)) ? " cannot be read (no permission)" : " does not exist"));
            }
        }
    }

    /**
     * The proxy for the context's cluster at {@code server} (the URL the client connects to), as kubectl chooses it:
     * the cluster's proxy-url, else the proxy variables of {@code environment}.
     *
     * @throws KubeconfigException naming the file, line and cluster when that proxy cannot be used
     */
    ClusterProxy proxy(String contextName, String server, Map<String, String> environment) {
        Map<String, Object> clusterEntry = clusters.get(text(contextBody(contextName), "cluster"));
        try {
            return ClusterProxy.choose(server, text(childMap(clusterEntry, "cluster"), "proxy-url"), environment);
        } catch (KubeconfigException e) {
            throw new KubeconfigException(where(clusterEntry) + ": cluster '" + clusterEntry.get("name") + "': " + e.getMessage());
        }
    }

    /** The credential plugin of the context's user, if it has one. */
    Optional<ExecPlugin> execPlugin(String contextName) {
        Map<String, Object> body = contextBody(contextName);
        Map<String, Object> user = users.get(text(body, "user"));
        if (user == null || !(childMap(user, "user").get("exec") instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ExecPlugin.fromKubeconfig(childMap(childMap(user, "user"), "exec"),
                    () -> clusterInfo(childMap(clusters.get(text(body, "cluster")), "cluster"))));
        } catch (KubeconfigException e) {
            throw new KubeconfigException(source(contextName) + ": user '" + text(body, "user") + "': " + e.getMessage());
        }
    }

    /**
     * The cluster as a credential plugin may ask to see it (KUBERNETES_EXEC_INFO's spec.cluster), as kubectl fills it:
     * empty and false fields left out, and {@code config} taken from the cluster's extension named for exec plugins.
     */
    private static JsonObject clusterInfo(Map<String, Object> cluster) {
        JsonObject info = new JsonObject();
        info.addProperty("server", text(cluster, "server"));
        for (String key : List.of("tls-server-name", "proxy-url")) {
            if (!text(cluster, key).isEmpty()) {
                info.addProperty(key, text(cluster, key));
            }
        }
        for (String key : List.of("insecure-skip-tls-verify", "disable-compression")) {
            if (Boolean.TRUE.equals(cluster.get(key))) {
                info.addProperty(key, true);
            }
        }
        if (cluster.get("extensions") instanceof List<?> extensions) {
            extensions.stream().filter(e -> e instanceof Map<?, ?> m && "client.authentication.k8s.io/exec".equals(m.get("name")))
                    .findFirst().ifPresent(e -> info.add("config", new Gson().toJsonTree(((Map<?, ?>) e).get("extension"))));
        }
        String authority = text(cluster, "certificate-authority-data");
        if (authority.isEmpty() && !text(cluster, "certificate-authority").isEmpty()) {
            try {
                authority = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(text(cluster, "certificate-authority"))));
            } catch (IOException e) {
                throw new KubeconfigException("cannot read certificate-authority " + text(cluster, "certificate-authority")
                        + ": " + e.getMessage());
            }
        }
        if (!authority.isEmpty()) {
            info.addProperty("certificate-authority-data", authority);
        }
        return info;
    }

    private Map<String, Object> contextBody(String contextName) {
        Map<String, Object> context = contexts.get(contextName);
        if (context == null) {
            throw new KubeconfigException("No context named '" + contextName + "' in " + files);
        }
        Map<String, Object> body = childMap(context, "context");
        String clusterName = text(body, "cluster");
        if (!clusters.containsKey(clusterName)) {
            throw new KubeconfigException(source(contextName) + ": context '" + contextName
                    + "' names cluster '" + clusterName + "', which no kubeconfig file defines");
        }
        String userName = text(body, "user");
        if (!userName.isEmpty() && !users.containsKey(userName)) {
            throw new KubeconfigException(source(contextName) + ": context '" + contextName
                    + "' names user '" + userName + "', which no kubeconfig file defines");
        }
        return body;
    }

    /**
     * kubectl reads a tokenFile when it connects and trims the whitespace around the token (a file written with
     * {@code echo} ends in a newline); the client library sends the file's bytes as they are, and falls back to
     * anonymous requests when it cannot read it. So the token is read here, trimmed, and given as {@code token}.
     */
    private Map<String, Object> withTokenFileRead(String userName, Map<String, Object> entry) {
        Map<String, Object> body = childMap(entry, "user");
        if (!(body.get("tokenFile") instanceof String tokenFile) || tokenFile.isBlank() || body.get("token") != null) {
            return entry;
        }
        String token;
        try {
            token = Files.readString(Path.of(tokenFile)).strip();
        } catch (IOException e) {
            // Worded as the certificate and key files are (refuseUnreadable), with the line of the user.
            throw new KubeconfigException(where(entry) + ": user '" + userName + "': tokenFile " + tokenFile
                    + (Files.exists(Path.of(tokenFile)) ? " cannot be read (" + e.getClass().getSimpleName() + ")" : " does not exist"));
        }
        Map<String, Object> userBody = new LinkedHashMap<>(body);
        userBody.remove("tokenFile");
        userBody.put("token", token);
        Map<String, Object> copy = new LinkedHashMap<>(entry);
        copy.put("user", userBody);
        return copy;
    }

    private String source(String contextName) {
        Origin origin = origins.get(contexts.get(contextName));
        return origin == null ? "kubeconfig" : origin.file().toString();
    }

    private record Origin(Path file, String section, int index) {
    }

    /** The file and line that defined an entry, e.g. {@code /home/me/.kube/config, line 12}. */
    private String where(Map<String, Object> entry) {
        Origin origin = origins.get(entry);
        return origin == null ? "kubeconfig" : origin.file() + line(origin.file(), origin.section(), origin.index());
    }

    /** The line of entry {@code index} of {@code section}, read again with positions: it is needed only for messages. */
    private String line(Path file, String section, int index) {
        try {
            if (new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(texts.get(file)))
                    instanceof MappingNode root) {
                for (NodeTuple pair : root.getValue()) {
                    if (pair.getKeyNode() instanceof ScalarNode key && key.getValue().equals(section)
                            && pair.getValueNode() instanceof SequenceNode entries && index < entries.getValue().size()) {
                        return ", line " + (entries.getValue().get(index).getStartMark().getLine() + 1);
                    }
                }
            }
        } catch (YAMLException e) {
            // Without the line the message still names the file and the entry.
        }
        return "";
    }

    private ContextInfo describe(String name, Map<String, Object> entry) {
        Map<String, Object> body = childMap(entry, "context");
        String clusterName = text(body, "cluster");
        String server = Optional.ofNullable(clusters.get(clusterName))
                .map(c -> text(childMap(c, "cluster"), "server")).orElse("");
        return new ContextInfo(name, clusterName, server, text(body, "user"), text(body, "namespace"),
                origins.get(entry).file());
    }

    private void read(Path file) {
        Object document;
        try {
            String text = Files.readString(file);
            // kubectl reads JSON too. JSON may indent with tabs, which YAML forbids; outside its strings (where a tab
            // must be written \t) JSON's tabs are only spacing, so they become spaces.
            if (text.replace("\uFEFF", "").stripLeading().startsWith("{")) {
                text = text.replace('\t', ' ');
            }
            texts.put(file, text);
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (NoSuchFileException e) {
            return;
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            problems.add(new Problem(Problem.Kind.BAD_CONFIG,
                    file + (line > 0 ? ", line " + line : "") + ": not valid YAML (" + e.getProblem() + ")",
                    e.getMessage()));
            return;
        } catch (IOException | YAMLException e) {
            problems.add(new Problem(Problem.Kind.BAD_CONFIG, file + ": cannot be read", e.getMessage()));
            return;
        }
        if (document == null) {
            return;
        }
        if (!(document instanceof Map<?, ?> root)) {
            problems.add(new Problem(Problem.Kind.BAD_CONFIG, file + ": is not a kubeconfig (expected a mapping at the top)", ""));
            return;
        }
        Path base = file.toAbsolutePath().getParent();
        mergeNamed(file, root, "clusters", "cluster", clusters, CLUSTER_PATHS, base);
        mergeNamed(file, root, "users", "user", users, USER_PATHS, base);
        mergeNamed(file, root, "contexts", "context", contexts, List.of(), base);
        Object current = root.get("current-context");
        if (currentContext.isEmpty() && current instanceof String name && !name.isBlank()) {
            currentContext = name;
        }
    }

    @SuppressWarnings("unchecked")
    private void mergeNamed(Path file, Map<?, ?> root, String section, String bodyKey,
                            Map<String, Map<String, Object>> into, List<String> pathKeys, Path base) {
        Object list = root.get(section);
        if (list == null) {
            return;
        }
        if (!(list instanceof List<?> entries)) {
            problems.add(new Problem(Problem.Kind.BAD_CONFIG, file + ": '" + section + "' should be a list", ""));
            return;
        }
        for (int index = 0; index < entries.size(); index++) {
            Object item = entries.get(index);
            Object nameValue = item instanceof Map<?, ?> map ? map.get("name") : null;
            if (!(nameValue instanceof String name) || name.isBlank()) {
                // kubectl refuses the whole file when a name is not a string (json: cannot unmarshal number ...).
                problems.add(new Problem(Problem.Kind.BAD_CONFIG, file + line(file, section, index) + ": " + section + "["
                        + index + "].name " + (nameValue == null || nameValue.toString().isBlank() ? "is missing"
                        : "is " + nameValue + ", not a string (quote it)") + "; the entry was skipped", ""));
                continue;
            }
            Map<?, ?> raw = (Map<?, ?>) item;
            if (into.containsKey(name)) {
                continue;
            }
            Map<String, Object> entry = deepCopy((Map<String, Object>) raw);
            Map<String, Object> body = childMap(entry, bodyKey);
            for (String key : pathKeys) {
                absolutize(body, key, base);
            }
            if (bodyKey.equals("user")) {
                absolutizeExecCommand(childMap(body, "exec"), base);
            }
            into.put(name, entry);
            origins.put(entry, new Origin(file, section, index));
        }
    }

    private static void absolutize(Map<String, Object> body, String key, Path base) {
        if (body.get(key) instanceof String value && !value.isBlank() && !Path.of(value).isAbsolute()) {
            body.put(key, base.resolve(value).normalize().toString());
        }
    }

    /** kubectl resolves an exec command against the file only when it is a relative path, not a bare name. */
    private static void absolutizeExecCommand(Map<String, Object> exec, Path base) {
        if (exec.get("command") instanceof String command && command.contains("/") && !Path.of(command).isAbsolute()) {
            exec.put("command", base.resolve(command).normalize().toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> childMap(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        if (child instanceof Map<?, ?>) {
            return (Map<String, Object>) child;
        }
        return new LinkedHashMap<>();
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? "" : value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> source) {
        Map<String, Object> copy = new LinkedHashMap<>();
        source.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? deepCopy((Map<String, Object>) m) : v));
        return copy;
    }
}

package dev.wheelhouse.service.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One YAML document of a manifest: its value (maps, lists, strings, numbers as Integer/Long/BigInteger
 * or Double, booleans, null; timestamps stay strings, as Kubernetes reads them) and where each of its
 * fields was written, to point at lines when a check or the server finds something wrong.
 */
public final class ManifestDocument {
    private final int index;
    private final Node root;
    private final Object value;

    ManifestDocument(int index, Node root, Object value) {
        this.index = index;
        this.root = root;
        this.value = value;
    }

    /** 0-based position among the manifest's documents (empty documents count too). */
    public int index() {
        return index;
    }

    public Object value() {
        return value;
    }

    /** The value as a map, or an empty map when the document is not one (a list, a scalar, nothing). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    public String kind() {
        return map().get("kind") instanceof String s ? s : "";
    }

    public String apiVersion() {
        return map().get("apiVersion") instanceof String s ? s : "";
    }

    @SuppressWarnings("unchecked")
    public String name() {
        return map().get("metadata") instanceof Map<?, ?> m && ((Map<String, Object>) m).get("name") instanceof String s ? s : "";
    }

    /**
     * The objects {@code kubectl apply} sends for this document: the document itself or, when it holds a list of
     * {@code items} (kind List, or a typed list such as ConfigMapList, which {@code kubectl get -o yaml} prints),
     * each item. As kubectl's decoder does, an item naming neither kind nor apiVersion takes the list's apiVersion
     * and its kind less "List". Each item keeps the document's index and points at its own lines.
     */
    public List<ManifestDocument> objects() {
        if (!(map().get("items") instanceof List<?> items)) {
            return List.of(this);
        }
        NodeTuple entry = root instanceof MappingNode map ? entry(map, "items") : null;
        Node itemsNode = entry == null ? null : entry.getValueNode();
        List<ManifestDocument> objects = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Node itemNode = itemsNode instanceof SequenceNode list && i < list.getValue().size() ? list.getValue().get(i) : root;
            objects.add(new ManifestDocument(index, itemNode, typed(items.get(i))));
        }
        return objects;
    }

    private Object typed(Object item) {
        if (!(item instanceof Map<?, ?> fields) || fields.containsKey("kind") || fields.containsKey("apiVersion") || kind().equals("List")) {
            return item;
        }
        Map<Object, Object> copy = new LinkedHashMap<>();
        copy.put("apiVersion", apiVersion());
        copy.put("kind", kind().endsWith("List") ? kind().substring(0, kind().length() - "List".length()) : kind());
        copy.putAll(fields);
        return copy;
    }

    /** Where the document starts. */
    public Position start() {
        return position(root);
    }

    /**
     * Where the field is written: the key's position for a map entry, the item's for a list entry.
     * Empty when the path leads nowhere.
     */
    public Optional<Position> positionOf(FieldPath path) {
        Node node = root;
        Node keyOrItem = root;
        for (Object segment : path.segments()) {
            if (node instanceof MappingNode map && segment instanceof String key) {
                NodeTuple entry = entry(map, key);
                if (entry == null) {
                    return Optional.empty();
                }
                keyOrItem = entry.getKeyNode();
                node = entry.getValueNode();
            } else if (node instanceof SequenceNode list && segment instanceof Integer i && i < list.getValue().size()) {
                node = list.getValue().get(i);
                keyOrItem = node;
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(position(keyOrItem));
    }

    /** The deepest field whose key or value covers the position; the root when none does. */
    public FieldPath pathAt(int line, int column) {
        return pathAt(root, FieldPath.ROOT, line - 1, column - 1);
    }

    private static FieldPath pathAt(Node node, FieldPath path, int line, int column) {
        if (node instanceof MappingNode map) {
            for (NodeTuple entry : map.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key
                        && (covers(entry.getKeyNode(), line, column) || covers(entry.getValueNode(), line, column))) {
                    return pathAt(entry.getValueNode(), path.child(key.getValue()), line, column);
                }
            }
        } else if (node instanceof SequenceNode list) {
            List<Node> items = list.getValue();
            for (int i = 0; i < items.size(); i++) {
                if (covers(items.get(i), line, column)) {
                    return pathAt(items.get(i), path.child(i), line, column);
                }
            }
        }
        return path;
    }

    private static boolean covers(Node node, int line, int column) {
        var start = node.getStartMark();
        var end = node.getEndMark();
        boolean afterStart = line > start.getLine() || (line == start.getLine() && column >= start.getColumn());
        boolean beforeEnd = line < end.getLine() || (line == end.getLine() && column <= end.getColumn());
        return afterStart && beforeEnd;
    }

    private static NodeTuple entry(MappingNode map, String key) {
        for (NodeTuple entry : map.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return entry;
            }
        }
        return null;
    }

    private static Position position(Node node) {
        var mark = node.getStartMark();
        return new Position(mark.getLine() + 1, mark.getColumn() + 1, mark.getIndex());
    }
}

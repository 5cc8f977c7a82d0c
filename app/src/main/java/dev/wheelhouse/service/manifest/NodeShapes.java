package dev.wheelhouse.service.manifest;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What valid YAML can hold but a Kubernetes object cannot, found in the composed nodes before any value is built:
 * a key written twice in one mapping (the API server refuses it), a key that is a list or mapping (JSON has none),
 * and an alias inside the collection it names (a value that never ends).
 */
final class NodeShapes {
    private final String text;
    private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Node> checked = Collections.newSetFromMap(new IdentityHashMap<>());

    private NodeShapes(String text) {
        this.text = text;
    }

    /** The first such problem in a document, or null. */
    static ManifestProblem problem(String text, Node root) {
        return new NodeShapes(text).visit(root);
    }

    private ManifestProblem visit(Node node) {
        if (checked.contains(node)) {
            return null; // an alias of a node already checked where it was anchored
        }
        open.add(node);
        if (node instanceof MappingNode map) {
            Set<String> keys = new HashSet<>();
            for (NodeTuple entry : map.getValue()) {
                Node key = entry.getKeyNode();
                if (!(key instanceof ScalarNode scalar)) {
                    return at(key.getStartMark(), "a key must be a plain value (a name or a number), not a "
                            + (key instanceof SequenceNode ? "list" : "mapping"));
                }
                if (!"<<".equals(scalar.getValue()) && !keys.add(scalar.getValue())) {
                    return at(key.getStartMark(), "duplicate key " + scalar.getValue());
                }
                ManifestProblem inside = child(entry.getValueNode(), key.getStartMark());
                if (inside != null) {
                    return inside;
                }
            }
        } else if (node instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                ManifestProblem inside = child(item, list.getStartMark());
                if (inside != null) {
                    return inside;
                }
            }
        }
        open.remove(node);
        checked.add(node);
        return null;
    }

    /** {@code where} is the key (or the list) that holds the child: an alias has no place of its own in the nodes. */
    private ManifestProblem child(Node child, Mark where) {
        if (open.contains(child)) {
            return at(where, "an alias refers to a collection that contains it, so its value would never end");
        }
        return visit(child);
    }

    private ManifestProblem at(Mark mark, String message) {
        int[] lineColumn = SyntaxProblems.lineColumnOf(text, mark.getIndex());
        return new ManifestProblem(lineColumn[0], lineColumn[1], "", message, ManifestProblem.Source.SYNTAX);
    }
}

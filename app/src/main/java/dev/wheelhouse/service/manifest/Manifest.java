package dev.wheelhouse.service.manifest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Manifest text as YAML documents ({@code ---} separated), read the way the API server's decoder
 * reads them: duplicate keys refused, aliases limited (no "billion laughs"), timestamps kept as text.
 * Parsing never throws: what cannot be read becomes a {@link ManifestProblem} at its line and
 * column, and the documents before it are still returned.
 */
public final class Manifest {
    /** Well above real manifests (a CRD with its schema is ~1 MB), low enough to refuse garbage quickly. */
    static final int MAX_CODE_POINTS = 16 * 1024 * 1024;
    private static final int MAX_ALIASES = 50;

    private final String text;
    private final List<ManifestDocument> documents;
    private final List<ManifestProblem> problems;

    private Manifest(String text, List<ManifestDocument> documents, List<ManifestProblem> problems) {
        this.text = text;
        this.documents = List.copyOf(documents);
        this.problems = List.copyOf(problems);
    }

    public static Manifest parse(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setProcessComments(false);
        NodeValues values = new NodeValues(options);
        List<ManifestDocument> documents = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        try {
            Iterator<Node> nodes = new Yaml(options).composeAll(new StringReader(text)).iterator();
            while (nodes.hasNext()) {
                Node node = nodes.next();
                ManifestProblem duplicate = duplicateKey(node, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
                if (duplicate != null) {
                    problems.add(duplicate);
                    break;
                }
                documents.add(new ManifestDocument(documents.size(), node, values.valueOf(node)));
            }
        } catch (MarkedYAMLException e) {
            problems.add(problemAt(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), e.getProblem(), e.getContext()));
        } catch (ReaderException e) {
            // Bytes that are not text: point at the offending character.
            int[] lineColumn = lineColumnOf(text, e.getPosition());
            problems.add(new ManifestProblem(lineColumn[0], lineColumn[1], "", "not text: " + e.getName()
                    + " character 0x" + Integer.toHexString(e.getCodePoint()) + " cannot appear in YAML", ManifestProblem.Source.SYNTAX));
        } catch (YAMLException e) {
            problems.add(new ManifestProblem(1, 1, "", e.getMessage(), ManifestProblem.Source.SYNTAX));
        }
        return new Manifest(text, documents, problems);
    }

    public String text() {
        return text;
    }

    /** The documents read, in order (those before a syntax error when there is one). */
    public List<ManifestDocument> documents() {
        return documents;
    }

    /** Syntax problems; empty when the whole text is valid YAML. */
    public List<ManifestProblem> problems() {
        return problems;
    }

    /** The document that holds the 1-based line, if any. */
    public java.util.Optional<ManifestDocument> documentAt(int line) {
        ManifestDocument found = null;
        for (ManifestDocument document : documents) {
            if (document.start().line() <= line) {
                found = document;
            }
        }
        return java.util.Optional.ofNullable(found);
    }

    /** The API server refuses a key written twice in one mapping; so do we, at the second one. */
    private static ManifestProblem duplicateKey(Node node, java.util.Set<Node> seen) {
        if (!seen.add(node)) {
            return null; // an alias: its node was checked where it was anchored
        }
        if (node instanceof MappingNode map) {
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (NodeTuple entry : map.getValue()) {
                if (entry.getKeyNode() instanceof ScalarNode key && !"<<".equals(key.getValue()) && !keys.add(key.getValue())) {
                    Mark mark = key.getStartMark();
                    return new ManifestProblem(mark.getLine() + 1, mark.getColumn() + 1, "",
                            "duplicate key " + key.getValue(), ManifestProblem.Source.SYNTAX);
                }
                ManifestProblem inside = duplicateKey(entry.getValueNode(), seen);
                if (inside != null) {
                    return inside;
                }
            }
        } else if (node instanceof SequenceNode list) {
            for (Node item : list.getValue()) {
                ManifestProblem inside = duplicateKey(item, seen);
                if (inside != null) {
                    return inside;
                }
            }
        }
        return null;
    }

    private static ManifestProblem problemAt(Mark mark, String problem, String context) {
        String message = problem != null ? problem : context != null ? context : "not valid YAML";
        if (context != null && problem != null) {
            message = problem + " (" + context + ")";
        }
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        return new ManifestProblem(line, column, "", message, ManifestProblem.Source.SYNTAX);
    }

    private static int[] lineColumnOf(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int offset = 0;
        for (int i = 0; i < codePointIndex && offset < text.length(); i++) {
            int cp = text.codePointAt(offset);
            offset += Character.charCount(cp);
            if (cp == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** SnakeYAML's safe construction of one composed node, with timestamps left as text. */
    private static final class NodeValues extends SafeConstructor {
        NodeValues(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
        }

        Object valueOf(Node node) {
            return constructDocument(node);
        }
    }
}

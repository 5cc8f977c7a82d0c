package dev.wheelhouse.service.manifest;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
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
    static final int MAX_ALIASES = 50;
    /** Deep enough for any CRD's schema (SnakeYAML's default of 50 is not), shallow enough to keep recursion safe. */
    static final int MAX_NESTING = 500;

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
        options.setNestingDepthLimit(MAX_NESTING);
        NodeValues values = new NodeValues(options);
        List<ManifestDocument> documents = new ArrayList<>();
        List<ManifestProblem> problems = new ArrayList<>();
        try {
            Iterator<Node> nodes = new Yaml(options).composeAll(new StringReader(text)).iterator();
            while (nodes.hasNext()) {
                Node node = nodes.next();
                ManifestProblem structural = NodeShapes.problem(text, node);
                if (structural != null) {
                    problems.add(structural);
                    break;
                }
                documents.add(new ManifestDocument(documents.size(), node, values.valueOf(node)));
            }
        } catch (MarkedYAMLException e) {
            problems.add(SyntaxProblems.marked(text, e));
        } catch (ReaderException e) {
            // Bytes that are not text: point at the offending character.
            int[] lineColumn = SyntaxProblems.lineColumnOf(text, e.getPosition());
            problems.add(new ManifestProblem(lineColumn[0], lineColumn[1], "", "not text: " + e.getName()
                    + " character 0x" + Integer.toHexString(e.getCodePoint()) + " cannot appear in YAML", ManifestProblem.Source.SYNTAX));
        } catch (YAMLException e) {
            problems.add(SyntaxProblems.unmarked(text, e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // Parsing never throws: whatever SnakeYAML did not foresee is still a problem with the text.
            problems.add(SyntaxProblems.unmarked(text, "cannot read this YAML: " + e));
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

    /** SnakeYAML's safe construction of one composed node, with timestamps left as text. */
    private static final class NodeValues extends SafeConstructor {
        NodeValues(LoaderOptions options) {
            super(options);
            yamlConstructors.put(Tag.TIMESTAMP, yamlConstructors.get(Tag.STR));
            // "!!int two" makes SnakeYAML's own constructors throw NumberFormatException and the like, without a place.
            yamlConstructors.replaceAll((tag, construct) -> new Construct() {
                @Override
                public Object construct(Node node) {
                    try {
                        return construct.construct(node);
                    } catch (YAMLException e) {
                        throw e;
                    } catch (RuntimeException e) {
                        throw new ValueException(node, e);
                    }
                }

                @Override
                public void construct2ndStep(Node node, Object object) {
                    construct.construct2ndStep(node, object);
                }
            });
        }

        Object valueOf(Node node) {
            return constructDocument(node);
        }
    }

    /** A value its tag cannot make, at the value. */
    private static final class ValueException extends MarkedYAMLException {
        ValueException(Node node, RuntimeException cause) {
            super(null, null, "cannot read " + node.getTag().getValue().replace(Tag.PREFIX, "!!") + " value"
                    + (node instanceof ScalarNode scalar ? " \"" + scalar.getValue() + "\"" : "") + ": " + cause.getMessage(),
                    node.getStartMark(), cause);
        }
    }
}

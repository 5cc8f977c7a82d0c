package dev.wheelhouse.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.ui.editor.YamlHighlighter.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlHighlighterTest {

    /** The line's text split into "style:text" pieces; plain ones as their text without spaces. */
    private static List<String> pieces(String line, List<Run> runs) {
        List<String> out = new ArrayList<>();
        int at = 0;
        for (Run run : runs) {
            String text = line.substring(at, at + run.length());
            at += run.length();
            if (!(run.style().isEmpty() && text.isBlank())) {
                out.add(run.style().isEmpty() ? text.replace(" ", "") : run.style() + ":" + text.strip());
            }
        }
        assertThat(at).as("runs cover the line exactly: %s", line).isEqualTo(line.length());
        return out;
    }

    private static List<String> line(String text) {
        return pieces(text, YamlHighlighter.highlight(List.of(text)).get(0));
    }

    @Test
    void keysAndScalarsOfEachType() {
        assertThat(line("replicas: 3")).containsExactly("key:replicas", ":", "number:3");
        assertThat(line("  image: \"nginx:1.27\"  # pinned")).containsExactly("key:image", ":", "string:\"nginx:1.27\"", "comment:# pinned");
        assertThat(line("paused: false")).containsExactly("key:paused", ":", "boolean:false");
        assertThat(line("value: ~")).containsExactly("key:value", ":", "null:~");
        assertThat(line("- name: web")).containsExactly("-", "key:name", ":", "string:web");
        assertThat(line("cpu: 100m")).containsExactly("key:cpu", ":", "string:100m");
        assertThat(line("'quoted key': 1.5e3")).containsExactly("key:'quoted key'", ":", "number:1.5e3");
        assertThat(line("url: http://backend:80/x#y")).containsExactly("key:url", ":", "string:http://backend:80/x#y");
    }

    @Test
    void anchorsAliasesTagsAndFlowCollections() {
        assertThat(line("base: &defaults {app: web, port: 80}"))
                .containsExactly("key:base", ":", "anchor:&defaults", "{", "key:app", ":", "string:web", ",", "key:port", ":", "number:80", "}");
        assertThat(line("<<: *defaults")).containsExactly("key:<<", ":", "anchor:*defaults");
        assertThat(line("n: !!str 42")).containsExactly("key:n", ":", "tag:!!str", "number:42");
        assertThat(line("args: [\"-v\", 2]")).containsExactly("key:args", ":[", "string:\"-v\"", ",", "number:2", "]");
    }

    @Test
    void blockScalarsRunUntilTheIndentationReturns() {
        List<String> text = List.of(
                "data:",
                "  script: |-",
                "    echo hello: world",
                "",
                "    # not a comment",
                "  other: 1",
                "- run: >",
                "    folded",
                "  next: 2");
        List<List<Run>> runs = YamlHighlighter.highlight(text);
        assertThat(pieces(text.get(1), runs.get(1))).containsExactly("key:script", ":", "block:|-");
        assertThat(pieces(text.get(2), runs.get(2))).containsExactly("block:echo hello: world");
        assertThat(pieces(text.get(4), runs.get(4))).containsExactly("block:# not a comment");
        assertThat(pieces(text.get(5), runs.get(5))).containsExactly("key:other", ":", "number:1");
        assertThat(pieces(text.get(7), runs.get(7))).containsExactly("block:folded");
        assertThat(pieces(text.get(8), runs.get(8))).containsExactly("key:next", ":", "number:2");
    }

    @Test
    void documentMarkersAndComments() {
        assertThat(line("--- # second")).containsExactly("document:---", "comment:# second");
        assertThat(line("...")).containsExactly("document:...");
        assertThat(line("# whole line")).containsExactly("comment:# whole line");
        assertThat(line("----x: 1")).containsExactly("key:----x", ":", "number:1");
    }
}

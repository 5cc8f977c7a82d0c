package dev.wheelhouse.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Markdown (CommonMark, parsed by commonmark-java) as JavaFX nodes, without a WebView: headings, paragraphs with
 * emphasis, code spans and links, lists, block quotes, rules and code blocks (monospace, with a Copy button).
 * Links go to {@link Hooks#link} (the learning panel moves between its entries); each code block may get extra
 * controls from {@link Hooks#codeControls}, told which section ("## Example") it is in. Raw HTML is not shown.
 * Styled by the {@code md-*} classes of the stylesheet.
 */
public final class MarkdownView extends VBox {
    private static final Parser PARSER = Parser.builder().build();

    /** What the text's links and code blocks do. */
    public interface Hooks {
        /** A link was clicked, with its target as written. */
        void link(String href);

        /**
         * Controls to put beside a code block's Copy button, or none.
         *
         * @param section the text of the last level-2 heading above it ("" before any)
         * @param info    the fence's info string ("yaml"), "" for none
         */
        List<Node> codeControls(String section, String info, String code);
    }

    public MarkdownView(String markdown, Hooks hooks) {
        super(8);
        getStyleClass().add("md");
        new Blocks(getChildren()::add, hooks).render(PARSER.parse(markdown));
    }

    /** Turns blocks into nodes, handing each to {@code sink}. */
    private static final class Blocks extends AbstractVisitor {
        private final Consumer<Node> sink;
        private final Hooks hooks;
        private String section = "";

        Blocks(Consumer<Node> sink, Hooks hooks) {
            this.sink = sink;
            this.hooks = hooks;
        }

        @Override
        public void visit(Heading heading) {
            if (heading.getLevel() == 2) {
                section = plainText(heading);
            }
            TextFlow flow = inline(heading);
            flow.getStyleClass().addAll("md-heading", "md-h" + Math.min(heading.getLevel(), 4));
            sink.accept(flow);
        }

        @Override
        public void visit(Paragraph paragraph) {
            sink.accept(inline(paragraph));
        }

        @Override
        public void visit(BulletList list) {
            sink.accept(items(list, false, 1));
        }

        @Override
        public void visit(OrderedList list) {
            sink.accept(items(list, true, list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber()));
        }

        private VBox items(org.commonmark.node.Node list, boolean ordered, int start) {
            VBox box = new VBox(4);
            box.getStyleClass().add("md-list");
            int number = start;
            for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    Label marker = new Label(ordered ? number++ + "." : "•");
                    marker.getStyleClass().add("md-marker");
                    marker.setMinWidth(18);
                    VBox content = new VBox(4);
                    new Blocks(content.getChildren()::add, hooks).withSection(section).visitChildren(item);
                    HBox.setHgrow(content, Priority.ALWAYS);
                    HBox row = new HBox(4, marker, content);
                    box.getChildren().add(row);
                }
            }
            return box;
        }

        @Override
        public void visit(BlockQuote quote) {
            VBox box = new VBox(6);
            box.getStyleClass().add("md-quote");
            new Blocks(box.getChildren()::add, hooks).withSection(section).visitChildren(quote);
            sink.accept(box);
        }

        @Override
        public void visit(ThematicBreak rule) {
            sink.accept(new Separator());
        }

        @Override
        public void visit(FencedCodeBlock code) {
            String info = code.getInfo() == null ? "" : code.getInfo().strip();
            sink.accept(codeBlock(code.getLiteral(), info.contains(" ") ? info.substring(0, info.indexOf(' ')) : info));
        }

        @Override
        public void visit(IndentedCodeBlock code) {
            sink.accept(codeBlock(code.getLiteral(), ""));
        }

        private Node codeBlock(String literal, String info) {
            String code = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
            Label text = new Label(code);
            text.getStyleClass().add("md-code-block-text");
            text.setMinHeight(Label.USE_PREF_SIZE);
            Button copy = new Button("Copy", Icons.of(MaterialDesignC.CONTENT_COPY));
            copy.getStyleClass().addAll("small", "md-copy");
            copy.setTooltip(new Tooltip("Copy to the clipboard"));
            copy.setOnAction(e -> {
                ClipboardContent content = new ClipboardContent();
                content.putString(code);
                Clipboard.getSystemClipboard().setContent(content);
            });
            HBox controls = new HBox(6, copy);
            controls.getChildren().addAll(hooks.codeControls(section, info, code));
            controls.setAlignment(Pos.CENTER_LEFT);
            VBox block = new VBox(4, text, controls);
            block.getStyleClass().add("md-code-block");
            return block;
        }

        void render(org.commonmark.node.Node parent) {
            visitChildren(parent);
        }

        Blocks withSection(String current) {
            section = current;
            return this;
        }

        private TextFlow inline(org.commonmark.node.Node block) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add("md-text");
            new Inlines(flow.getChildren(), hooks, List.of()).render(block);
            return flow;
        }
    }

    /** Turns inline content into Text nodes (one style class per emphasis in effect) and Hyperlinks. */
    private static final class Inlines extends AbstractVisitor {
        private final List<Node> out;
        private final Hooks hooks;
        private final List<String> styles;

        Inlines(List<Node> out, Hooks hooks, List<String> styles) {
            this.out = out;
            this.hooks = hooks;
            this.styles = styles;
        }

        void render(org.commonmark.node.Node parent) {
            visitChildren(parent);
        }

        private void text(String literal, String... extra) {
            Text text = new Text(literal);
            text.getStyleClass().add("md-run");
            text.getStyleClass().addAll(styles);
            text.getStyleClass().addAll(extra);
            out.add(text);
        }

        private void styled(org.commonmark.node.Node node, String style) {
            List<String> more = new ArrayList<>(styles);
            more.add(style);
            new Inlines(out, hooks, more).visitChildren(node);
        }

        @Override
        public void visit(org.commonmark.node.Text text) {
            text(text.getLiteral());
        }

        @Override
        public void visit(Emphasis emphasis) {
            styled(emphasis, "md-em");
        }

        @Override
        public void visit(StrongEmphasis strong) {
            styled(strong, "md-strong");
        }

        @Override
        public void visit(Code code) {
            text(code.getLiteral(), "md-code");
        }

        @Override
        public void visit(SoftLineBreak lineBreak) {
            text(" ");
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            text("\n");
        }

        @Override
        public void visit(Link link) {
            Hyperlink hyperlink = new Hyperlink(plainText(link));
            hyperlink.getStyleClass().add("md-link");
            hyperlink.setTooltip(new Tooltip(link.getDestination()));
            hyperlink.setOnAction(e -> hooks.link(link.getDestination()));
            out.add(hyperlink);
        }

        @Override
        public void visit(Image image) {
            text(plainText(image), "md-em");
        }
    }

    /** The text of a node's inline content, without markup. */
    static String plainText(org.commonmark.node.Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return text.toString();
    }
}

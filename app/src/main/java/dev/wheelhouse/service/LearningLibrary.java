package dev.wheelhouse.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The learning texts and example manifests of {@code ui-resources}, read from the classpath. Pages are
 * Markdown files named by their path under the learning folder ("kinds/deployment.md",
 * "concepts/namespaces.md", "contents.md"); a kind's page is named by its descriptor's learning topic,
 * and so is its example ("examples/deployment.yaml"), which the YAML editor offers as a template.
 */
public final class LearningLibrary {
    /** The level-2 sections every kind and concept page has, in this order. */
    public static final List<String> SECTIONS = List.of(
            "What it is", "Why it exists", "How it relates", "Example", "kubectl", "Common mistakes");

    /** The concepts of the primer, in the order the contents page teaches them. */
    public static final List<String> CONCEPTS = List.of(
            "control-plane", "node-components", "containers-and-images", "desired-state",
            "declarative-and-imperative", "labels-and-selectors", "namespaces", "storage", "service-types",
            "rolling-updates", "autoscaling", "custom-resources");

    /** The primer's frontend/backend app, several objects in one example. */
    public static final String TWO_TIER_EXAMPLE = "two-tier";

    public static final String CONTENTS = "contents.md";

    private static final String LEARNING = "/dev/wheelhouse/learning/";
    private static final String EXAMPLES = "/dev/wheelhouse/examples/";
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");

    /** A page split at its headings: the title after "# ", the line under it, and each "## " section's text. */
    public record Page(String title, String summary, Map<String, String> sections) {
    }

    public static String kindPath(String topic) {
        return "kinds/" + topic + ".md";
    }

    public static String conceptPath(String id) {
        return "concepts/" + id + ".md";
    }

    /** The Markdown of a page by its path under the learning folder, e.g. "kinds/pod.md"; empty if there is none. */
    public Optional<String> page(String path) {
        return read(LEARNING + path);
    }

    public Optional<String> kind(String topic) {
        return page(kindPath(topic));
    }

    public Optional<String> concept(String id) {
        return page(conceptPath(id));
    }

    public String contents() {
        return page(CONTENTS).orElseThrow(() -> new IllegalStateException("the learning contents page is missing"));
    }

    /** The example manifest for a learning topic (or {@link #TWO_TIER_EXAMPLE}); empty if there is none. */
    public Optional<String> example(String topic) {
        return read(EXAMPLES + topic + ".yaml");
    }

    /**
     * The page a relative link in page {@code from} points to, as a path under the learning folder:
     * "../concepts/namespaces.md" from "kinds/pod.md" is "concepts/namespaces.md". Empty for links that
     * leave the folder or are not relative (web addresses, anchors).
     */
    public static Optional<String> resolve(String from, String link) {
        if (link.isEmpty() || link.startsWith("#") || link.contains(":")) {
            return Optional.empty();
        }
        String target = link.contains("#") ? link.substring(0, link.indexOf('#')) : link;
        Deque<String> parts = new ArrayDeque<>();
        String[] fromParts = from.split("/");
        for (int i = 0; i < fromParts.length - 1; i++) {
            parts.addLast(fromParts[i]);
        }
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return Optional.of(String.join("/", parts));
    }

    /** The targets of a page's Markdown links, in order, outside code blocks. */
    public static List<String> links(String markdown) {
        List<String> links = new ArrayList<>();
        for (String line : proseLines(markdown)) {
            Matcher matcher = LINK.matcher(line);
            while (matcher.find()) {
                links.add(matcher.group(1));
            }
        }
        return links;
    }

    /** Splits a page at its "# " title and "## " headings; lines inside fenced code blocks are never headings. */
    public static Page parse(String markdown) {
        String title = "";
        String summary = "";
        Map<String, String> sections = new LinkedHashMap<>();
        String section = null;
        StringBuilder text = new StringBuilder();
        boolean inCode = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            }
            if (!inCode && line.startsWith("## ")) {
                if (section != null) {
                    sections.put(section, text.toString().strip());
                }
                section = line.substring(3).strip();
                text.setLength(0);
            } else if (!inCode && section == null && line.startsWith("# ") && title.isEmpty()) {
                title = line.substring(2).strip();
            } else if (section == null && !title.isEmpty() && summary.isEmpty() && !line.isBlank()) {
                summary = line.strip();
            } else if (section != null) {
                text.append(line).append('\n');
            }
        }
        if (section != null) {
            sections.put(section, text.toString().strip());
        }
        return new Page(title, summary, sections);
    }

    /** The text of the first fenced code block of the given language in a piece of Markdown, without its fences. */
    public static Optional<String> codeBlock(String markdown, String language) {
        int start = markdown.indexOf("```" + language + "\n");
        if (start < 0) {
            return Optional.empty();
        }
        int from = start + language.length() + 4;
        int end = markdown.indexOf("\n```", from - 1);
        return end < 0 ? Optional.empty() : Optional.of(markdown.substring(from, end + 1));
    }

    private static List<String> proseLines(String markdown) {
        List<String> lines = new ArrayList<>();
        boolean inCode = false;
        for (String line : markdown.split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (!inCode) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static Optional<String> read(String resource) {
        try (InputStream in = LearningLibrary.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}

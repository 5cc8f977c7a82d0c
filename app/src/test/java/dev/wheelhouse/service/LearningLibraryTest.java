package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.CustomKinds;
import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.service.LearningLibrary.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every kind the registry knows, and every concept of the primer, has a page with the same six sections and a
 * working example; a kind added to the registry without its page and example fails here.
 */
class LearningLibraryTest {
    private final LearningLibrary library = new LearningLibrary();

    /** The built-in kinds and the CRDs themselves: everything the navigator lists by heart. */
    static List<KindDescriptor> kinds() {
        List<KindDescriptor> kinds = new ArrayList<>(new KindRegistry().builtIn());
        kinds.add(CustomKinds.DEFINITIONS);
        return kinds;
    }

    /** The same kinds, named by kind in the test report. */
    static Stream<Named<KindDescriptor>> namedKinds() {
        return kinds().stream().map(kind -> Named.of(kind.kind(), kind));
    }

    static List<String> pages() {
        List<String> pages = new ArrayList<>();
        kinds().forEach(kind -> pages.add(LearningLibrary.kindPath(kind.learningTopic())));
        LearningLibrary.CONCEPTS.forEach(id -> pages.add(LearningLibrary.conceptPath(id)));
        return pages;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedKinds")
    void everyKindHasAPageWithTheSixSections(KindDescriptor kind) {
        assertThat(kind.learningTopic()).as("%s's learning topic", kind.kind()).isNotBlank();
        Optional<String> markdown = library.kind(kind.learningTopic());
        assertThat(markdown).as("learning/kinds/%s.md", kind.learningTopic()).isPresent();

        assertHasTheSixSections(markdown.get());
        assertThat(LearningLibrary.parse(markdown.get()).title()).contains(kind.kind());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conceptIds")
    void everyConceptHasAPageWithTheSixSections(String id) {
        Optional<String> markdown = library.concept(id);
        assertThat(markdown).as("learning/concepts/%s.md", id).isPresent();

        assertHasTheSixSections(markdown.get());
    }

    private static void assertHasTheSixSections(String markdown) {
        Page page = LearningLibrary.parse(markdown);
        assertThat(page.title()).isNotBlank();
        assertThat(page.summary()).isNotBlank();
        assertThat(page.sections().keySet()).containsExactlyElementsOf(LearningLibrary.SECTIONS);
        page.sections().forEach((section, text) -> assertThat(text).as(section).isNotBlank());
        assertThat(LearningLibrary.codeBlock(page.sections().get("kubectl"), "sh")).as("a kubectl block").isPresent();
        assertThat(page.sections().get("Common mistakes").lines().filter(line -> line.startsWith("- ")))
                .as("common mistakes as a list").hasSizeBetween(2, 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namedKinds")
    void everyKindHasAnExampleOfItsKindThatItsPageShows(KindDescriptor kind) {
        Optional<String> example = library.example(kind.learningTopic());
        assertThat(example).as("examples/%s.yaml", kind.learningTopic()).isPresent();
        Map<String, Object> object = onlyDocument(example.get());

        assertThat(object.get("kind")).isEqualTo(kind.kind());
        String group = kind.type().group();
        assertThat(object.get("apiVersion")).isEqualTo(group.isEmpty() ? kind.type().version() : group + "/" + kind.type().version());
        Page page = LearningLibrary.parse(library.kind(kind.learningTopic()).orElseThrow());
        assertThat(LearningLibrary.codeBlock(page.sections().get("Example"), "yaml")).as("the Example section's yaml block")
                .contains(example.get());
    }

    /**
     * Examples carry no namespace, so the editor applies them wherever the user works. Events are the exception: the
     * API requires an event's namespace to match its involved object's, so that example must name both.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("namedKinds")
    void examplesNameNoNamespaceExceptTheEvent(KindDescriptor kind) {
        Map<?, ?> metadata = (Map<?, ?>) onlyDocument(library.example(kind.learningTopic()).orElseThrow()).get("metadata");

        if (kind.kind().equals("Event")) {
            assertThat(metadata.get("namespace")).isEqualTo("default");
        } else {
            assertThat(metadata.containsKey("namespace")).as("%s example names a namespace", kind.kind()).isFalse();
        }
    }

    @Test
    void theTwoTierExampleHoldsThePrimersApp() {
        List<Object> documents = documents(library.example(LearningLibrary.TWO_TIER_EXAMPLE).orElseThrow());

        assertThat(documents).extracting(d -> ((Map<?, ?>) d).get("kind") + "/" + ((Map<?, ?>) ((Map<?, ?>) d).get("metadata")).get("name"))
                .contains("Deployment/frontend-deployment", "Deployment/backend-deployment", "Service/frontend-service",
                        "Service/backend-service", "Secret/mysecrets");
    }

    /** The labs deploy the example; the sandbox seeds dev and prod from its own copy. They must not drift apart. */
    @Test
    void theTwoTierExampleIsTheAppTheSandboxSeeds() throws Exception {
        Path repository = Path.of("").toAbsolutePath();
        while (repository != null && !Files.exists(repository.resolve("sandbox/workloads/two-tier.yaml"))) {
            repository = repository.getParent();
        }
        assertThat(repository).as("a folder holding sandbox/workloads above the working directory").isNotNull();
        String seeded = Files.readString(repository.resolve("sandbox/workloads/two-tier.yaml"));

        assertThat(documents(library.example(LearningLibrary.TWO_TIER_EXAMPLE).orElseThrow())).isEqualTo(documents(seeded));
    }

    @Test
    void everyRelativeLinkLeadsToAPage() {
        List<String> all = new ArrayList<>(pages());
        all.add(LearningLibrary.CONTENTS);
        for (String path : all) {
            String markdown = library.page(path).orElseThrow(() -> new AssertionError(path + " is missing"));
            for (String link : LearningLibrary.links(markdown)) {
                if (link.startsWith("https://")) {
                    continue;
                }
                Optional<String> target = LearningLibrary.resolve(path, link);
                assertThat(target).as("link %s in %s", link, path).isPresent();
                assertThat(library.page(target.get())).as("link %s in %s", link, path).isPresent();
            }
        }
    }

    @Test
    void theContentsPageLinksEveryKindAndConcept() {
        List<String> linked = LearningLibrary.links(library.contents()).stream()
                .map(link -> LearningLibrary.resolve(LearningLibrary.CONTENTS, link).orElse(link)).toList();

        assertThat(linked).containsAll(pages());
    }

    @Test
    void headingsInsideCodeBlocksAreNotSections() {
        Page page = LearningLibrary.parse("""
                # Pod
                The smallest thing you run.

                ## What it is
                Text.
                ```yaml
                ## not a heading
                # nor a title
                ```
                ## Why it exists
                More.
                """);

        assertThat(page.title()).isEqualTo("Pod");
        assertThat(page.summary()).isEqualTo("The smallest thing you run.");
        assertThat(page.sections().keySet()).containsExactly("What it is", "Why it exists");
        assertThat(page.sections().get("What it is")).contains("## not a heading");
        assertThat(LearningLibrary.links("[a](x.md) `[b](y.md)`\n```\n[c](z.md)\n```")).containsExactly("x.md", "y.md");
    }

    @Test
    void linksResolveAgainstThePageTheyAreIn() {
        assertThat(LearningLibrary.resolve("kinds/pod.md", "../concepts/namespaces.md")).contains("concepts/namespaces.md");
        assertThat(LearningLibrary.resolve("kinds/pod.md", "service.md#ports")).contains("kinds/service.md");
        assertThat(LearningLibrary.resolve("contents.md", "kinds/pod.md")).contains("kinds/pod.md");
        assertThat(LearningLibrary.resolve("contents.md", "../secret.md")).isEmpty();
        assertThat(LearningLibrary.resolve("kinds/pod.md", "https://kubernetes.io/docs/")).isEmpty();
    }

    private static Map<String, Object> onlyDocument(String yaml) {
        List<Object> documents = documents(yaml);
        assertThat(documents).hasSize(1);
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) documents.get(0);
        return object;
    }

    static List<Object> documents(String yaml) {
        Iterable<Object> loaded = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml);
        List<Object> documents = new ArrayList<>();
        loaded.forEach(document -> {
            if (document != null) {
                documents.add(document);
            }
        });
        return documents;
    }

    static Stream<String> conceptIds() {
        return LearningLibrary.CONCEPTS.stream();
    }
}

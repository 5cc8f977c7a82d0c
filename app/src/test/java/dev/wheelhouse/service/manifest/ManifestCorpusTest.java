package dev.wheelhouse.service.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.service.schema.SavedSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of {@code manifest-corpus/} is a different way to get a manifest wrong; {@code index.tsv} says where its
 * first problem must be reported. Parsing (and the schema check, against OpenAPI documents saved from the sandbox)
 * must find it there, with that message, and never throw.
 */
class ManifestCorpusTest {
    private static final Path CORPUS = corpus();

    private static Path corpus() {
        try {
            return Path.of(ManifestCorpusTest.class.getResource("/manifest-corpus/index.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    record Expected(String file, int line, int column, ManifestProblem.Source source, String fragment) {
        @Override
        public String toString() {
            return file;
        }
    }

    static List<Expected> index() throws IOException {
        List<Expected> expected = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("index.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            expected.add(new Expected(fields[0], Integer.parseInt(fields[1]), Integer.parseInt(fields[2]),
                    ManifestProblem.Source.valueOf(fields[3]), fields[4]));
        }
        return expected;
    }

    static Stream<Arguments> cases() throws IOException {
        return index().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFirstProblemIsWhereTheIndexSays(Expected expected) throws IOException {
        String text = read(CORPUS.resolve(expected.file()));
        Manifest manifest = Manifest.parse(text);
        List<ManifestProblem> problems = new ArrayList<>(manifest.problems());
        problems.addAll(SavedSchemas.schema().check(manifest));
        assertThat(problems).as("problems of %s", expected.file()).isNotEmpty();
        ManifestProblem first = problems.get(0);
        assertThat(first.source()).as("who found it: %s", first).isEqualTo(expected.source());
        assertThat(first.line()).as("line: %s", first).isEqualTo(expected.line());
        assertThat(first.column()).as("column: %s", first).isEqualTo(expected.column());
        assertThat(first.message()).contains(expected.fragment());
    }

    @Test
    void everyFileIsInTheIndexAndThereAreAtLeastFiftyKindsOfFailure() throws IOException {
        List<String> listed = index().stream().map(Expected::file).toList();
        try (Stream<Path> files = Files.list(CORPUS)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("index.tsv")))
                    .containsExactlyInAnyOrderElementsOf(listed);
        }
        assertThat(listed).hasSizeGreaterThanOrEqualTo(50).doesNotHaveDuplicates();
    }

    private static String read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = file.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}

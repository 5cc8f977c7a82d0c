package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.testing.Sandbox;
import dev.wheelhouse.testing.SandboxNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example the learning panel shows and the YAML editor offers is accepted by a real API server: a server-side
 * dry run validates it fully (schemas, defaults, admission) and stores nothing, so cluster-scoped examples are safe too.
 */
@Tag("cluster")
class LearningExamplesDryRunTest {
    @RegisterExtension
    static final SandboxNamespace NAMESPACE = new SandboxNamespace("learning-examples-test");

    private final LearningLibrary library = new LearningLibrary();

    static Stream<String> examples() {
        List<String> topics = new ArrayList<>(LearningLibraryTest.kinds().stream().map(KindDescriptor::learningTopic).toList());
        topics.add(LearningLibrary.TWO_TIER_EXAMPLE);
        return topics.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void theServerAcceptsTheExample(String topic) throws Exception {
        String yaml = library.example(topic).orElseThrow(() -> new AssertionError("examples/" + topic + ".yaml is missing"));
        List<Object> documents = LearningLibraryTest.documents(yaml);
        Path file = Files.createTempFile("wheelhouse-example-" + topic, ".yaml");
        try {
            Files.writeString(file, yaml);
            // An example that names its namespace (only the Event) is tried there; kubectl refuses a different -n.
            String output = namesANamespace(documents)
                    ? Sandbox.kubectl("apply", "--dry-run=server", "-f", file.toString())
                    : Sandbox.kubectl("apply", "--dry-run=server", "-n", NAMESPACE.name(), "-f", file.toString());

            assertThat(output.lines().filter(line -> line.endsWith("(server dry run)"))).hasSize(documents.size());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static boolean namesANamespace(List<Object> documents) {
        return documents.stream().anyMatch(d -> ((Map<?, ?>) ((Map<?, ?>) d).get("metadata")).containsKey("namespace"));
    }
}

package dev.wheelhouse.ui.learning;

import static dev.wheelhouse.kinds.Fixtures.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindRegistry;
import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Workspace.Place;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The panel's navigation among entries and how it follows the workspace, on fixture pages, without a cluster. */
class LearningViewModelTest {
    private final LearningViewModel model = new LearningViewModel(new BackgroundTasks(Runnable::run, Runnable::run),
            LearningViewModelTest::fixturePage, new KindRegistry(), () -> null, Clock.fixed(Instant.parse("2026-11-26T10:05:00Z"), ZoneOffset.UTC));

    private static Optional<String> fixturePage(String path) {
        try (InputStream in = LearningViewModelTest.class.getResourceAsStream("/learning-fixture/" + path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void startsOnTheContentsAndFollowsLinksBackAndForward() {
        assertThat(model.entryProperty().get()).isEqualTo("contents.md");
        assertThat(model.titleProperty().get()).isEqualTo("Contents");
        assertThat(model.canGoBackProperty().get()).isFalse();

        assertThat(model.followLink("kinds/pod.md")).isTrue();
        assertThat(model.followLink("../concepts/labels-and-selectors.md")).isTrue();
        assertThat(model.entryProperty().get()).isEqualTo("concepts/labels-and-selectors.md");
        assertThat(model.followLink("https://kubernetes.io/")).isFalse();

        model.back();
        assertThat(model.entryProperty().get()).isEqualTo("kinds/pod.md");
        assertThat(model.topicProperty().get()).isEqualTo("pod");
        assertThat(model.canGoForwardProperty().get()).isTrue();
        model.forward();
        assertThat(model.titleProperty().get()).isEqualTo("Labels and selectors");
        assertThat(model.canGoForwardProperty().get()).isFalse();
        assertThat(model.topicProperty().get()).isEmpty();

        model.back();
        model.contents();
        assertThat(model.entryProperty().get()).isEqualTo("contents.md");
        assertThat(model.canGoForwardProperty().get()).as("a new entry drops the entries ahead").isFalse();
    }

    @Test
    void followsTheWorkspaceToTheKindAndSaysWhenAKindHasNoTextYet() {
        model.follow(new Place("dev", Pods.DESCRIPTOR, null));
        assertThat(model.entryProperty().get()).isEqualTo("kinds/pod.md");
        assertThat(model.inWordsProperty().get()).isNull();
        assertThat(model.subjectProperty().get()).isEmpty();

        model.follow(new Place("dev", Deployments.DESCRIPTOR, null));
        assertThat(model.entryProperty().get()).isEqualTo("kinds/deployment.md");
        assertThat(model.titleProperty().get()).isEqualTo("Not written yet");
        assertThat(model.markdownProperty().get()).contains("[contents](../contents.md)");

        model.follow(Place.NOWHERE);
        assertThat(model.entryProperty().get()).isEqualTo("contents.md");
    }

    @Test
    void aSelectedObjectIsPutInWordsOnceItIsKnownWhole() {
        KubeObject pod = load("pod");

        model.follow(new Place(pod.namespace(), Pods.DESCRIPTOR, pod));

        assertThat(model.subjectProperty().get()).isEqualTo("Pod " + pod.namespace() + "/" + pod.name());
        assertThat(model.inWordsProperty().get().subject()).isEqualTo("Pod " + pod.namespace() + "/" + pod.name());
        assertThat(model.inWordsProperty().get().relations()).contains("It runs on node " + pod.string("spec.nodeName") + ".");

        model.follow(new Place(pod.namespace(), Pods.DESCRIPTOR, null));
        assertThat(model.inWordsProperty().get()).isNull();
        assertThat(model.subjectProperty().get()).isEmpty();
    }
}

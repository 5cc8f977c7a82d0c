package dev.wheelhouse.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.Batch;
import dev.wheelhouse.model.ContextInfo;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.model.KubeconfigSummary;
import dev.wheelhouse.model.Problem;
import dev.wheelhouse.service.ClusterService;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster model's rules, without a toolkit or a cluster: tasks run on the calling thread. */
class ClusterModelTest {
    private final BackgroundTasks sameThread = new BackgroundTasks(Runnable::run, Runnable::run);
    private final ClusterModel model = new ClusterModel(new ClusterService(List.of()), sameThread);

    private static ContextInfo context(String name) {
        return new ContextInfo(name, "c", "https://127.0.0.1:1", "u", "", Path.of("/k"));
    }

    private static KubeObject namespace(String uid, String name) {
        return new KubeObject(Map.of("kind", "Namespace", "metadata", Map.of("uid", uid, "name", name)));
    }

    @Test
    void listsTheCurrentContextFirst() {
        model.contexts().loaded(new KubeconfigSummary(List.of(), List.of(context("a"), context("b"), context("c")), "b", List.of()));

        assertThat(model.contexts().list()).extracting(ContextInfo::name).containsExactly("b", "a", "c");
    }

    @Test
    void namespacesStaySortedAsTheyComeAndGo() {
        ContextConnection connection = new ContextConnection(new ClusterService(List.of()), sameThread, context("a"));
        connection.namespacesChanged(0, new Batch(List.of(namespace("1", "prod"), namespace("2", "dev")), List.of(), true, null));
        connection.namespacesChanged(0, new Batch(List.of(namespace("3", "kube-system"), namespace("1", "prod")), List.of("2"), false, null));

        assertThat(connection.namespaces()).containsExactly("kube-system", "prod");
        assertThat(connection.namespacesLoadedProperty().get()).isTrue();
    }

    @Test
    void lateResultsFromAnAttemptTheUserLeftAreDropped() {
        ContextConnection connection = new ContextConnection(new ClusterService(List.of()), sameThread, context("a"));
        connection.namespacesChanged(7, new Batch(List.of(namespace("1", "stale")), List.of(), true, null));
        connection.failed(7, new Problem(Problem.Kind.TIMEOUT, "late", ""));

        assertThat(connection.namespaces()).isEmpty();
        assertThat(connection.problemProperty().get()).isNull();
    }

    @Test
    void anUnreachableContextEndsInFailedWithItsReason() {
        model.contexts().loaded(new KubeconfigSummary(List.of(), List.of(context("gone")), "gone", List.of()));

        // The service has no such context loaded, so connecting fails at once, through the normal path.
        model.connect("gone");

        assertThat(model.stateProperty().get()).isEqualTo(ConnectionState.FAILED);
        assertThat(model.problemProperty().get().kind()).isEqualTo(Problem.Kind.BAD_CONFIG);
        assertThat(model.activeContextProperty().get().name()).isEqualTo("gone");
    }

    @Test
    void severalContextsStayOpenAndTheActiveOneIsMirrored() {
        model.contexts().loaded(new KubeconfigSummary(List.of(), List.of(context("a"), context("b")), "a", List.of()));
        // The service has neither context loaded: each connection fails at once, with its own reason.
        model.connect("a");
        model.connect("b");

        assertThat(model.connections().keySet()).containsExactly("a", "b");
        assertThat(model.isActive("b")).isTrue();
        assertThat(model.problemProperty().get().message()).contains("'b'");

        model.connect("a");
        assertThat(model.problemProperty().get().message()).as("the mirror follows the active context").contains("'a'");
        assertThat(model.connection("b").problemProperty().get().message()).contains("'b'");

        model.disconnect("a");
        assertThat(model.connections().keySet()).containsExactly("b");
        assertThat(model.isActive("b")).as("another open context becomes active").isTrue();
    }
}

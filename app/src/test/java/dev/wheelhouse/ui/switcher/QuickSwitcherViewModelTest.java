package dev.wheelhouse.ui.switcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.kinds.KindDescriptor;
import dev.wheelhouse.kinds.builtin.Deployments;
import dev.wheelhouse.kinds.builtin.Nodes;
import dev.wheelhouse.kinds.builtin.Pods;
import dev.wheelhouse.model.KubeObject;
import dev.wheelhouse.ui.common.BackgroundTasks;
import dev.wheelhouse.ui.common.Workspace;
import dev.wheelhouse.ui.switcher.SwitcherMatcher.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The switcher's rules, without a toolkit or a cluster: tasks run on the calling thread. */
class QuickSwitcherViewModelTest {
    private final BackgroundTasks sameThread = new BackgroundTasks(Runnable::run, Runnable::run);
    private final RecordingWorkspace workspace = new RecordingWorkspace();
    private final List<String> connected = new ArrayList<>();
    private final List<Candidate> loaded = new ArrayList<>(List.of(
            Candidate.context("kwok-wheelhouse"), Candidate.context("staging"),
            Candidate.namespace("dev"), Candidate.namespace("prod"),
            Candidate.kind(Deployments.DESCRIPTOR), Candidate.kind(Pods.DESCRIPTOR), Candidate.kind(Nodes.DESCRIPTOR),
            Candidate.object(Deployments.DESCRIPTOR, "dev", "frontend-deployment", deployment("frontend-deployment"))));
    private int fetches;
    private List<Candidate> allKinds = List.of(
            Candidate.object(Pods.DESCRIPTOR, "dev", "frontend-deployment-7d9f8c6b5-x2k4q", null),
            Candidate.object(Deployments.DESCRIPTOR, "dev", "frontend-deployment", null));
    private boolean connectedCluster = true;

    private final QuickSwitcherViewModel switcher = new QuickSwitcherViewModel(new SwitcherSources() {
        @Override
        public List<Candidate> loaded() {
            return loaded;
        }

        @Override
        public Optional<ObjectSearch> searchAllKinds() {
            return connectedCluster ? Optional.of(() -> {
                fetches++;
                return allKinds;
            }) : Optional.empty();
        }
    }, workspace, connected::add, sameThread);

    private static KubeObject deployment(String name) {
        return new KubeObject(java.util.Map.of("kind", "Deployment", "metadata", java.util.Map.of("name", name, "namespace", "dev", "uid", name)));
    }

    private List<String> names() {
        return switcher.results().stream().map(m -> m.item().name()).toList();
    }

    @Test
    void ranksWhatIsLoadedAsYouTypeAndOffersTheSearchOfAllKindsLast() {
        switcher.open();
        assertThat(names()).hasSize(8);

        switcher.queryProperty().set("dep");
        assertThat(names()).containsExactly("Deployments", "frontend-deployment", "Search all kinds for 'dep'");
        assertThat(switcher.selectedIndexProperty().get()).isZero();
        Match<Candidate> best = switcher.results().get(0);
        assertThat(best.positions()).containsExactly(0, 1, 2);
    }

    @Test
    void upAndDownStopAtTheEnds() {
        switcher.open();
        switcher.queryProperty().set("dep");
        switcher.move(1);
        switcher.move(5);
        assertThat(switcher.selectedIndexProperty().get()).isEqualTo(2);
        switcher.move(-9);
        assertThat(switcher.selectedIndexProperty().get()).isZero();
    }

    @Test
    void choosingAKindShowsItInTheNamespaceShownAndCloses() {
        workspace.place.set(new Workspace.Place("prod", Deployments.DESCRIPTOR, null));
        switcher.open();
        switcher.queryProperty().set("pods");
        switcher.chooseSelected();

        assertThat(workspace.calls).containsExactly("showKind prod Pod");
        assertThat(switcher.showingProperty().get()).isFalse();
        assertThat(switcher.results()).isEmpty();
    }

    @Test
    void aClusterWideKindIsShownWithoutANamespace() {
        workspace.place.set(new Workspace.Place("prod", Deployments.DESCRIPTOR, null));
        switcher.open();
        switcher.queryProperty().set("nodes");
        switcher.chooseSelected();

        assertThat(workspace.calls).containsExactly("showKind null Node");
    }

    @Test
    void choosingANamespaceKeepsTheKindShown() {
        workspace.place.set(new Workspace.Place("dev", Pods.DESCRIPTOR, null));
        switcher.open();
        switcher.queryProperty().set("prod");
        switcher.chooseSelected();

        assertThat(workspace.calls).containsExactly("showKind prod Pod");
    }

    @Test
    void choosingAContextConnectsIt() {
        switcher.open();
        switcher.queryProperty().set("stag");
        switcher.chooseSelected();

        assertThat(connected).containsExactly("staging");
        assertThat(workspace.calls).isEmpty();
    }

    @Test
    void choosingAnObjectFollowsItToItsKindsTable() {
        switcher.open();
        switcher.queryProperty().set("fdep");
        switcher.chooseSelected();

        assertThat(workspace.calls).containsExactly("follow Deployment dev frontend-deployment");
    }

    @Test
    void theSearchOfAllKindsFetchesOnceOnlyWhenChosenAndRanksWhatItFoundWithoutDuplicates() {
        switcher.open();
        switcher.queryProperty().set("x2k4q");
        assertThat(names()).containsExactly("Search all kinds for 'x2k4q'");
        assertThat(fetches).isZero();

        switcher.chooseSelected();
        assertThat(fetches).isEqualTo(1);
        assertThat(switcher.showingProperty().get()).isTrue();
        assertThat(names()).containsExactly("frontend-deployment-7d9f8c6b5-x2k4q");
        assertThat(switcher.statusProperty().get()).contains("2 objects");

        switcher.queryProperty().set("frontend");
        assertThat(names()).containsExactly("frontend-deployment", "frontend-deployment-7d9f8c6b5-x2k4q");
        switcher.move(1);
        switcher.chooseSelected();
        assertThat(workspace.calls).containsExactly("follow Pod dev frontend-deployment-7d9f8c6b5-x2k4q");
    }

    @Test
    void withoutAConnectedClusterThereIsNoSearchOfAllKinds() {
        connectedCluster = false;
        switcher.open();
        switcher.queryProperty().set("zzz");
        assertThat(switcher.results()).isEmpty();
        assertThat(switcher.selectedIndexProperty().get()).isEqualTo(-1);
        switcher.chooseSelected();
        assertThat(workspace.calls).isEmpty();
    }

    @Test
    void reopeningTakesWhatIsLoadedThenAndForgetsTheSearch() {
        switcher.open();
        switcher.queryProperty().set("x2k4q");
        switcher.chooseSelected();
        switcher.close();

        loaded.add(Candidate.namespace("x2k4q-team"));
        switcher.open();
        assertThat(switcher.queryProperty().get()).isEmpty();
        switcher.queryProperty().set("x2k4q");
        assertThat(names()).containsExactly("x2k4q-team", "Search all kinds for 'x2k4q'");
    }

    private static final class RecordingWorkspace implements Workspace {
        final ObjectProperty<Place> place = new SimpleObjectProperty<>(Place.NOWHERE);
        final List<String> calls = new ArrayList<>();

        @Override
        public void showKind(String namespace, KindDescriptor kind) {
            calls.add("showKind " + namespace + " " + kind.kind());
        }

        @Override
        public void showObject(String namespace, KindDescriptor kind, KubeObject object) {
            calls.add("showObject " + namespace + " " + kind.kind() + " " + object.name());
        }

        @Override
        public void follow(String kind, String namespace, String name) {
            calls.add("follow " + kind + " " + namespace + " " + name);
        }

        @Override
        public ReadOnlyObjectProperty<Place> placeProperty() {
            return place;
        }
    }
}

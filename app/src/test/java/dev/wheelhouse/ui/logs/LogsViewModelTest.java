package dev.wheelhouse.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.model.LogOptions;
import dev.wheelhouse.service.LogBatch;
import dev.wheelhouse.service.LogState;
import dev.wheelhouse.service.LogTarget;
import dev.wheelhouse.ui.common.BackgroundTasks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LogsViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    /** Tails the model opened: their options, their sinks, whether closed. */
    private static final class Tails implements LogsViewModel.Opener {
        final List<LogOptions> options = new ArrayList<>();
        final List<Consumer<LogBatch>> sinks = new ArrayList<>();
        int closed;

        @Override
        public AutoCloseable open(LogTarget target, LogOptions opened, Consumer<LogBatch> sink) {
            options.add(opened);
            sinks.add(sink);
            return () -> closed++;
        }

        void send(LogLine... lines) {
            sinks.get(sinks.size() - 1).accept(new LogBatch(List.of(lines), LogState.STREAMING, "", List.of("web-1", "web-2"), null));
        }
    }

    private final Tails tails = new Tails();

    private LogsViewModel model(int maxLines) {
        LogsViewModel model = new LogsViewModel(new BackgroundTasks(Runnable::run, Runnable::run), tails,
                LogTarget.of("dev", "Deployment", "web"), maxLines);
        model.start();
        return model;
    }

    private static LogLine line(String pod, int second, String text) {
        return LogLine.line(T0.plusSeconds(second), pod, "app", text);
    }

    private static List<String> texts(LogsViewModel model) {
        return model.lines().stream().map(LogLine::text).toList();
    }

    @Test
    void linesArriveInOrderAndTheStateIsShownInWords() {
        LogsViewModel model = model(1000);
        tails.send(line("web-1", 1, "a"), line("web-2", 2, "b"));
        assertThat(texts(model)).containsExactly("a", "b");
        assertThat(model.stateProperty().get()).isEqualTo(LogState.STREAMING);
        assertThat(model.stateTextProperty().get()).isEqualTo("Streaming");
        assertThat(model.pods()).containsExactly("web-1", "web-2");
        assertThat(model.plainText(model.lines().get(0))).isEqualTo("web-1 a");
    }

    @Test
    void podsGetColoursInTheOrderTheyCameAndKeepThem() {
        LogsViewModel model = model(1000);
        List<String> pods = IntStream.range(0, 8).mapToObj(i -> "web-" + i).toList();
        assertThat(pods.stream().map(model::colourOf).distinct()).hasSize(8);
        assertThat(model.colourOf("web-3")).isEqualTo(3);
        assertThat(model.colourOf("web-0")).isZero();
    }

    @Test
    void theRingBoundsWhatIsHeldAndShown() {
        LogsViewModel model = model(1000);
        for (int batch = 0; batch < 30; batch++) {
            int first = batch * 100;
            tails.send(IntStream.range(first, first + 100).mapToObj(i -> line("web-1", i, "line " + i)).toArray(LogLine[]::new));
        }
        assertThat(model.heldCount()).isEqualTo(1000);
        assertThat(model.lines()).hasSize(1000);
        assertThat(model.lines().get(0).text()).isEqualTo("line 2000");
        assertThat(model.lines().get(999).text()).isEqualTo("line 2999");
    }

    @Test
    void linesThatLeftTheRingLeaveTheListInChunksSoItStaysWithinATenthOverTheBound() {
        LogsViewModel model = model(1000);
        int changes[] = {0};
        for (int i = 0; i < 5000; i++) {
            tails.send(line("web-1", i, "line " + i));
            if (i == 1500) {
                model.lines().addListener((javafx.collections.ListChangeListener<LogLine>) change -> {
                    while (change.next()) {
                        changes[0] += change.wasRemoved() ? 1 : 0;
                    }
                });
            }
            assertThat(model.lines().size()).isBetween(Math.min(i + 1, 1000), 1100);
        }
        assertThat(model.heldCount()).isEqualTo(1000);
        assertThat(model.lines().get(model.lines().size() - 1).text()).isEqualTo("line 4999");
        assertThat(changes[0]).as("removals for 3,500 lines dropped").isBetween(30, 40);
    }

    @Test
    void whileFollowingTheListShowsTheNewestWindowAndShowAllShowsEveryHeldLine() {
        LogsViewModel model = new LogsViewModel(new BackgroundTasks(Runnable::run, Runnable::run), tails,
                LogTarget.of("dev", "Deployment", "web"), 1000, 100);
        model.start();
        for (int i = 0; i < 500; i++) {
            tails.send(line("web-1", i, "line " + i));
            assertThat(model.lines().size()).isBetween(Math.min(i + 1, 100), 110);
        }
        assertThat(model.showsEveryHeldLine()).isFalse();
        model.showAll();
        assertThat(model.lines()).hasSize(500);
        assertThat(model.pausedProperty().get()).isTrue();
        assertThat(model.lines().get(0).text()).isEqualTo("line 0");
        model.resume();
        assertThat(model.lines()).hasSize(100);
        assertThat(model.lines().get(99).text()).isEqualTo("line 499");
    }

    @Test
    void aFilterShowsOnlyMatchingLinesAndTheRingStillDropsTheOldestOfThem() {
        LogsViewModel model = model(1000);
        model.filterProperty().set("error");
        tails.send(line("web-1", 1, "ERROR one"), line("web-1", 2, "fine"), line("web-1", 3, "error two"));
        assertThat(texts(model)).containsExactly("ERROR one", "error two");
        model.matchCaseProperty().set(true);
        assertThat(texts(model)).containsExactly("error two");
        model.regexProperty().set(true);
        model.filterProperty().set("(");
        assertThat(model.patternProblemProperty().get()).startsWith("Not a regular expression");
        assertThat(model.lines()).hasSize(3);
        model.filterProperty().set("^(ERROR|fine)");
        assertThat(texts(model)).containsExactly("ERROR one", "fine");
        // 1,000 more matching lines push the three out of the ring, and out of the list with the next chunk.
        tails.send(IntStream.range(0, 1000).mapToObj(i -> line("web-1", 10 + i, "fine " + i)).toArray(LogLine[]::new));
        assertThat(model.heldCount()).isEqualTo(1000);
        assertThat(model.lines().size()).isBetween(1000, 1100);
        tails.send(IntStream.range(1000, 1100).mapToObj(i -> line("web-1", 10 + i, "fine " + i)).toArray(LogLine[]::new));
        assertThat(model.lines()).hasSize(1000);
        assertThat(model.lines().get(0).text()).isEqualTo("fine 100");
    }

    @Test
    void mutingAndSoloingPods() {
        LogsViewModel model = model(1000);
        tails.send(line("web-1", 1, "a"), line("web-2", 2, "b"), line("web-1", 3, "c"));
        model.mute("web-1", true);
        assertThat(texts(model)).containsExactly("b");
        model.mute("web-1", false);
        model.solo("web-1");
        assertThat(texts(model)).containsExactly("a", "c");
        tails.send(line("web-2", 4, "d"));
        assertThat(texts(model)).containsExactly("a", "c");
        model.solo("web-1");
        assertThat(texts(model)).containsExactly("a", "b", "c", "d");
    }

    @Test
    void pausedCountsTheLinesThatArriveAndResumingClearsTheCount() {
        LogsViewModel model = model(1000);
        tails.send(line("web-1", 1, "a"));
        model.pause();
        tails.send(line("web-1", 2, "b"), line("web-1", 3, "c"));
        assertThat(model.newWhilePausedProperty().get()).isEqualTo(2);
        assertThat(model.lines()).hasSize(3);
        model.resume();
        assertThat(model.newWhilePausedProperty().get()).isZero();
    }

    @Test
    void aLineThatComesLateGoesInItsPlaceByTime() {
        LogsViewModel model = model(1000);
        tails.send(line("web-1", 1, "a"), line("web-2", 4, "d"));
        model.pause();
        // web-1's stream lagged: its lines come after web-2's later one was shown.
        tails.send(line("web-1", 2, "b"), line("web-1", 3, "c"), line("web-2", 5, "e"));
        assertThat(texts(model)).containsExactly("a", "b", "c", "d", "e");
        assertThat(model.newWhilePausedProperty().get()).isEqualTo(3);
        model.solo("web-1");
        assertThat(texts(model)).as("held in order too").containsExactly("a", "b", "c");
    }

    @Test
    void aStreamCatchingUpMergesItsLinesInOneChangeAndTheSearchMatchStaysOnItsLine() {
        LogsViewModel model = model(10_000);
        tails.send(IntStream.range(0, 1000).mapToObj(i -> line("web-2", 2 * i + 1, "two " + i)).toArray(LogLine[]::new));
        model.searchProperty().set("two 999");
        int match = model.findNext(true);
        int[] changes = {0};
        model.lines().addListener((javafx.collections.ListChangeListener<LogLine>) change -> changes[0]++);
        // web-1's stream was away: a thousand of its lines, older than most shown, come at once.
        tails.send(IntStream.range(0, 1000).mapToObj(i -> line("web-1", 2 * i, "one " + i)).toArray(LogLine[]::new));
        assertThat(changes[0]).isEqualTo(1);
        assertThat(model.lines()).hasSize(2000).isSortedAccordingTo(java.util.Comparator.comparing(LogLine::time));
        assertThat(model.lines().get(model.currentMatchProperty().get()).text()).isEqualTo("two 999");
        assertThat(model.currentMatchProperty().get()).isEqualTo(match + 1000);
    }

    @Test
    void aLateLineOlderThanTheNewestWindowIsHeldButNotListed() {
        LogsViewModel model = new LogsViewModel(new BackgroundTasks(Runnable::run, Runnable::run), tails,
                LogTarget.of("dev", "Deployment", "web"), 1000, 100);
        model.start();
        tails.send(IntStream.range(0, 300).mapToObj(i -> line("web-1", 2 * i, "line " + 2 * i)).toArray(LogLine[]::new));
        tails.send(line("web-2", 1, "late and old"), line("web-2", 597, "late and new"));
        assertThat(texts(model)).doesNotContain("late and old").endsWith("line 596", "late and new", "line 598");
        model.showAll();
        assertThat(texts(model)).startsWith("line 0", "late and old", "line 2").hasSize(302);
    }

    @Test
    void searchFindsNextAndPreviousMatchesAroundTheEnds() {
        LogsViewModel model = model(1000);
        tails.send(line("web-1", 1, "GET /"), line("web-1", 2, "POST /x"), line("web-1", 3, "get /y"));
        model.searchProperty().set("get");
        assertThat(model.findNext(true)).isZero();
        assertThat(model.findNext(true)).isEqualTo(2);
        assertThat(model.findNext(true)).isZero();
        assertThat(model.findNext(false)).isEqualTo(2);
        assertThat(model.pausedProperty().get()).as("looking at a match stops following").isTrue();
        assertThat(model.matches("a get and GET")).extracting(range -> range[0]).containsExactly(2, 10);
    }

    @Test
    void changingAnOptionReopensTheTailAndDropsTheOldTailsLateLines() {
        LogsViewModel model = model(1000);
        tails.send(line("web-1", 1, "a"));
        Consumer<LogBatch> old = tails.sinks.get(0);
        model.previousProperty().set(true);
        assertThat(tails.closed).isEqualTo(1);
        assertThat(tails.options.get(1).previous()).isTrue();
        assertThat(tails.options.get(1).follow()).as("a previous instance is not followed").isFalse();
        assertThat(model.lines()).isEmpty();
        old.accept(new LogBatch(List.of(line("web-1", 2, "late")), LogState.STREAMING, "", null, null));
        assertThat(model.lines()).isEmpty();
        model.stop();
        assertThat(tails.closed).isEqualTo(2);
    }
}

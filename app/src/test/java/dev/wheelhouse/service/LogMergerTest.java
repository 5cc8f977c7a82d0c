package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.LogLine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogMergerTest {
    private static final long HOLDBACK = 300;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static LogLine line(String pod, int second) {
        return LogLine.line(T0.plusSeconds(second), pod, "app", pod + " " + second);
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }

    @Test
    void linesOfTwoPodsGoOutInTimeOrderOnceBothHaveReachedThatTime() {
        LogMerger merger = new LogMerger(HOLDBACK);
        merger.open("a");
        merger.open("b");
        merger.addAll("a", List.of(line("a", 1)), 0);
        merger.addAll("a", List.of(line("a", 3)), 0);
        assertThat(merger.drain(1)).as("b has said nothing yet").isEmpty();
        merger.addAll("b", List.of(line("b", 2)), 1);
        assertThat(texts(merger.drain(2))).containsExactly("a 1", "b 2");
        merger.addAll("b", List.of(line("b", 4)), 3);
        assertThat(texts(merger.drain(4))).containsExactly("a 3");
        assertThat(merger.heldCount()).isEqualTo(1);
    }

    @Test
    void aQuietStreamHoldsTheOthersBackOnlyForTheHoldback() {
        LogMerger merger = new LogMerger(HOLDBACK);
        merger.open("a");
        merger.open("quiet");
        merger.addAll("a", List.of(line("a", 1)), 0);
        merger.addAll("a", List.of(line("a", 2)), 100);
        assertThat(merger.drain(HOLDBACK - 1)).isEmpty();
        assertThat(texts(merger.drain(HOLDBACK))).containsExactly("a 1");
        assertThat(texts(merger.drain(HOLDBACK + 100))).containsExactly("a 2");
    }

    @Test
    void aClosedStreamNoLongerHoldsBack() {
        LogMerger merger = new LogMerger(HOLDBACK);
        merger.open("a");
        merger.open("ended");
        merger.addAll("a", List.of(line("a", 5)), 0);
        merger.close("ended");
        assertThat(texts(merger.drain(1))).containsExactly("a 5");
    }

    @Test
    void notesGoOutInTimeOrderWithoutWaiting() {
        LogMerger merger = new LogMerger(HOLDBACK);
        merger.open("a");
        merger.addAll("a", List.of(line("a", 1)), 0);
        merger.addAll("a", List.of(line("a", 3)), 0);
        merger.addNote(LogLine.note(T0.plusSeconds(2), "a", "app", "restarted"), 0);
        assertThat(texts(merger.drain(1))).containsExactly("a 1", "restarted", "a 3");
    }

    @Test
    void linesWithTheSameTimeKeepTheOrderTheyCameIn() {
        LogMerger merger = new LogMerger(HOLDBACK);
        merger.open("a");
        for (int i = 0; i < 5; i++) {
            merger.addAll("a", List.of(LogLine.line(T0, "a", "app", "line " + i)), 0);
        }
        assertThat(texts(merger.drain(1))).containsExactly("line 0", "line 1", "line 2", "line 3", "line 4");
    }

    @Test
    void aStreamKeepsItsOwnOrderWhenItsClockGoesBack() {
        LogMerger merger = new LogMerger(HOLDBACK);
        merger.open("a");
        merger.open("b");
        merger.addAll("a", List.of(line("a", 2), line("a", 1), line("a", 4)), 0);
        merger.addAll("b", List.of(line("b", 3), line("b", 5)), 0);
        assertThat(texts(merger.drain(1))).containsExactly("a 2", "a 1", "b 3", "a 4");
        merger.close("a");
        assertThat(texts(merger.drain(2))).containsExactly("b 5");
        assertThat(merger.heldCount()).isZero();
    }
}

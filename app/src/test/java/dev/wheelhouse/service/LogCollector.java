package dev.wheelhouse.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.model.LogLine;
import dev.wheelhouse.testing.HeadlessLogView;
import dev.wheelhouse.ui.logs.LogsViewModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Gathers what a log tail hands on, for tests to look at from their own thread. */
final class LogCollector implements Consumer<LogBatch> {
    private final List<LogLine> lines = new ArrayList<>();
    private final List<LogState> states = new ArrayList<>();
    private int batches;
    private LogState state;
    private String detail = "";
    private List<String> pods = List.of();

    @Override
    public synchronized void accept(LogBatch batch) {
        batches++;
        lines.addAll(batch.lines());
        if (batch.state() != state) {
            states.add(batch.state());
        }
        state = batch.state();
        detail = batch.detail();
        if (batch.pods() != null) {
            pods = batch.pods();
        }
    }

    synchronized int batchCount() {
        return batches;
    }

    synchronized List<LogLine> lines() {
        return List.copyOf(lines);
    }

    synchronized List<LogLine> logLines() {
        return lines.stream().filter(line -> !line.isNote()).toList();
    }

    synchronized List<LogLine> notes() {
        return lines.stream().filter(LogLine::isNote).toList();
    }

    synchronized LogState state() {
        return state;
    }

    synchronized List<LogState> states() {
        return new ArrayList<>(states);
    }

    synchronized String detail() {
        return detail;
    }

    synchronized List<String> pods() {
        return pods;
    }

    /** An opener of tails whose batches this collector sees too, each just before the view it opens for does. */
    LogsViewModel.Opener alongside(LogsViewModel.Opener opener) {
        return (target, options, sink) -> opener.open(target, options, batch -> {
            accept(batch);
            sink.accept(batch);
        });
    }

    /**
     * Asserts that a view fed {@link #alongside} lists the lines of the batches it has taken in (the first ones
     * this collector saw), each once, in time order: the tail merges its pods' streams by time, and a line that
     * comes late (its stream lagged more than the merge waits) is put in its place by the view. Lines of one
     * time keep the order they came in.
     */
    void assertListedInTimeOrder(HeadlessLogView view) {
        List<LogLine> listed = view.lines();
        List<LogLine> taken = lines().subList(0, listed.size());
        assertThat(listed).isNotEmpty().isEqualTo(taken.stream().sorted(Comparator.comparing(LogLine::time)).toList());
    }

    /** Asserts that each container's lines came in the order its log has them (by time): the tail's own promise. */
    void assertEachContainersLinesInOrder() {
        Map<String, List<Instant>> byContainer = logLines().stream().collect(Collectors.groupingBy(
                line -> line.pod() + "/" + line.container(), Collectors.mapping(LogLine::time, Collectors.toList())));
        assertThat(byContainer).isNotEmpty().allSatisfy((container, times) ->
                assertThat(times).as(container).isSortedAccordingTo(Comparator.naturalOrder()));
    }
}

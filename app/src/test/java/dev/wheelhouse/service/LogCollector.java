package dev.wheelhouse.service;

import dev.wheelhouse.model.LogLine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

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
}

package dev.wheelhouse.service;

import dev.wheelhouse.model.LogLine;
import java.util.List;

/**
 * What a log tail hands on at once: the lines that arrived since the last batch, in time order, and where the
 * tail is now. {@code pods} and {@code containers} are the pods streamed and the containers they have (init
 * and ephemeral ones too), both sorted; they are null when unchanged since the last batch.
 */
public record LogBatch(List<LogLine> lines, LogState state, String detail, List<String> pods, List<String> containers) {
}

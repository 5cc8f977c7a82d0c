package dev.wheelhouse.service.manifest;

/** A place in manifest text: 1-based line and column, and the 0-based character offset. */
public record Position(int line, int column, int offset) {
}

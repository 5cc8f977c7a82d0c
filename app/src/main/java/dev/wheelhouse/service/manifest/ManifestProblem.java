package dev.wheelhouse.service.manifest;

/**
 * Something wrong with manifest text, at a 1-based line and column, so an editor can mark it where
 * the user typed it. {@code field} is the field's path when the problem concerns one
 * (e.g. {@code spec.replicas}), else empty; {@code source} says who found it: the YAML parser, the
 * cluster's schema, or the API server (dry-run or apply).
 */
public record ManifestProblem(int line, int column, String field, String message, Source source) {

    public enum Source { SYNTAX, SCHEMA, SERVER }

    public ManifestProblem {
        field = field == null ? "" : field;
    }
}

package dev.wheelhouse.ui.cluster;

import dev.wheelhouse.model.Problem;

/** What went wrong with a context, in a few words: the connection pane's headline and the navigator's row. */
public final class ProblemHeadlines {
    private ProblemHeadlines() {
    }

    /** {@code problem} may be null: the attempt failed without a reason. */
    public static String of(Problem problem) {
        if (problem == null) {
            return "Could not connect";
        }
        return switch (problem.kind()) {
            case UNREACHABLE -> "Cluster not reachable";
            case TIMEOUT -> "Cluster too slow to answer";
            case UNAUTHORIZED -> "Credentials not accepted";
            case FORBIDDEN -> "No access";
            case BAD_CONFIG -> "Kubeconfig problem";
            case NOT_FOUND, FAILED -> "Could not connect";
        };
    }
}

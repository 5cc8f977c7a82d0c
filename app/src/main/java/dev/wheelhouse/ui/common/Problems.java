package dev.wheelhouse.ui.common;

import dev.wheelhouse.model.Problem;
import dev.wheelhouse.model.ProblemException;

/** Failures of background work as problems the views know how to show. */
public final class Problems {
    private Problems() {
    }

    public static Problem of(Exception e) {
        return e instanceof ProblemException p ? p.problem() : new Problem(Problem.Kind.FAILED, String.valueOf(e.getMessage()), "");
    }
}

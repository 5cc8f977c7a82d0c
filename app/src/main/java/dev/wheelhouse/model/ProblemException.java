package dev.wheelhouse.model;

/** A failure that already knows how to explain itself to the user. */
public class ProblemException extends Exception {
    private final Problem problem;

    public ProblemException(Problem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

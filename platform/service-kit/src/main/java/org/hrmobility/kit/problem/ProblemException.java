package org.hrmobility.kit.problem;

/** An exception that already knows the problem it answers. Services throw its subclasses. */
public abstract class ProblemException extends RuntimeException {

    private final transient Problem problem;

    protected ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}

package org.hrmobility.console.api;

/** A call to the suite that did not succeed: the problem it answered (404 for what the person may not see). */
public class ApiProblem extends RuntimeException {

    private final transient Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.status() + " " + problem.title());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }
}

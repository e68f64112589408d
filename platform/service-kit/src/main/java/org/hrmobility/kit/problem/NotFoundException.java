package org.hrmobility.kit.problem;

import org.springframework.http.HttpStatus;

/**
 * 404: the object does not exist, or the caller may not see it. Both answer the same, so that ids cannot be
 * probed.
 */
public class NotFoundException extends ProblemException {

    public NotFoundException(String what, Object id) {
        super(Problem.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + what + " " + id + " that you may see."));
    }
}

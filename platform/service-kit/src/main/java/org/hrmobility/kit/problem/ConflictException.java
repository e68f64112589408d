package org.hrmobility.kit.problem;

import org.springframework.http.HttpStatus;

/** 409: the request is valid but the object's current state does not allow it now (an offer is already open). */
public class ConflictException extends ProblemException {

    public ConflictException(String slug, String title, String detail) {
        super(Problem.of(HttpStatus.CONFLICT, slug, title, detail));
    }

    /** A rule of DOMAIN.md that answers with a conflict, named by its id. */
    public ConflictException(String ruleId, String slug, String title, String detail) {
        super(Problem.of(HttpStatus.CONFLICT, slug, title, detail).with("rule", ruleId));
    }
}

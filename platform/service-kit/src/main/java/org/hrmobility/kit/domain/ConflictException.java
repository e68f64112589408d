package org.hrmobility.kit.domain;

/** 409: the request is valid but the object's current state does not allow it now (an offer is already open). */
public class ConflictException extends DomainException {

    public ConflictException(String slug, String title, String detail) {
        super(409, slug, title, detail, null);
    }

    /** A rule of docs/domain.md that answers with a conflict, named by its id. */
    public ConflictException(String ruleId, String slug, String title, String detail) {
        super(409, slug, title, detail, ruleId);
    }
}

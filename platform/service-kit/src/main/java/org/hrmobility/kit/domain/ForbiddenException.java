package org.hrmobility.kit.domain;

/** 403: the caller's role allows the resource but not this act on it (an employee registering themselves). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String ruleId, String slug, String title, String detail) {
        super(403, slug, title, detail, ruleId);
    }
}

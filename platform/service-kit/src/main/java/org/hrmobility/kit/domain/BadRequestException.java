package org.hrmobility.kit.domain;

/** 400 for a request that is well-formed but incomplete in a way field validation cannot see. */
public class BadRequestException extends DomainException {

    public BadRequestException(String slug, String title, String detail) {
        super(400, slug, title, detail, null);
    }
}

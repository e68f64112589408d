package org.hrmobility.kit.domain;

/**
 * 404: the object does not exist, or the caller may not see it. Both answer the same, so that ids cannot be
 * probed.
 */
public class NotFoundException extends DomainException {

    public NotFoundException(String what, Object id) {
        super(404, "not-found", "Not found", "No " + what + " " + id + " that you may see.", null);
    }
}

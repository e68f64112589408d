package org.hrmobility.kit.domain;

/** 422: a rule of docs/domain.md refuses the request; the answer names the rule id. */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String ruleId, String slug, String title, String detail) {
        super(422, slug, title, detail, ruleId);
    }
}

package org.hrmobility.kit.problem;

import org.springframework.http.HttpStatus;

/** 422: a rule of DOMAIN.md refuses the request; the answer names the rule id. */
public class RuleViolationException extends ProblemException {

    private final String ruleId;

    public RuleViolationException(String ruleId, String slug, String title, String detail) {
        super(Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail).with("rule", ruleId));
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}

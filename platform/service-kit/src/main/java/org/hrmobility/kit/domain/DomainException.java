package org.hrmobility.kit.domain;

import java.util.Optional;

/**
 * A refusal a service's own code raises: not found, a state conflict, a rule of docs/domain.md. Plain Java, so that
 * domain classes throw it without knowing the web; {@link ProblemExceptionHandler} answers it as problem+json
 * with a stable {@code type} per slug and, for rules, the rule id.
 */
public abstract class DomainException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final String ruleId;

    protected DomainException(int status, String slug, String title, String detail, String ruleId) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.ruleId = ruleId;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Optional<String> ruleId() {
        return Optional.ofNullable(ruleId);
    }
}

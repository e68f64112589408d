package org.hrmobility.kit.security;

/** The roles of docs/domain.md, carried in the token's {@code roles} claim, plus the operators of the platform. */
public enum Role {
    HR_CASE_HANDLER,
    LINE_MANAGER,
    EMPLOYEE,
    HR_BUSINESS_PARTNER,
    RECRUITMENT_SYSTEM,
    /** Runs the platform: dead-letter replay and other actuator operations. Not a domain role. */
    OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}

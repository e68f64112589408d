package org.hrmobility.contracts.redeployment;

/**
 * A case handler was made responsible for a case, or the case passed from one to another with a reason. Carries the
 * employee, line manager and entity like the other case events; {@code previousHandlerId} is null for a first
 * assignment.
 */
public record CaseAssigned(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        String handlerId,
        String previousHandlerId,
        String reason) {
}

package org.hrmobility.contracts.redeployment;

import java.time.Instant;

/** The case handler decided admissibility (R-RED-2): redeployable employees enter the pool, the others follow an internal trajectory. Carries the employee, their line manager and entity, so consumers can tell who must know. */
public record AdmissibilityDecided(
        String caseId,
        String employeeId,
        String lineManagerId,
        String entity,
        boolean redeployable,
        String motivation,
        Instant registeredAt) {
}

package org.hrmobility.contracts.workbench;

import java.time.LocalDate;

/**
 * A line manager (or HR for them) named a deputy for a period, both days included (R-ACC-3): during it the deputy holds
 * the manager's rights over the manager's reports and is told what the manager is told. Keyed by the manager's id.
 */
public record DeputyNamed(
        String delegationId,
        String managerId,
        String deputyId,
        String entity,
        LocalDate from,
        LocalDate to,
        String reason) {
}

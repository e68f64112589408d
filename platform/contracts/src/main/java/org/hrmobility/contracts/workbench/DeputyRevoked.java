package org.hrmobility.contracts.workbench;

/** A delegation ended before its period did (R-ACC-3): the deputy's rights end now. Keyed by the manager's id. */
public record DeputyRevoked(
        String delegationId,
        String managerId,
        String deputyId,
        String reason) {
}

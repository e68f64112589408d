package org.hrmobility.notification.workbench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.workbench.DeputyNamed;
import org.hrmobility.contracts.workbench.DeputyRevoked;
import org.hrmobility.contracts.workbench.WorkbenchEvents;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;

/**
 * R-ACC-3: a line manager's deputy for a period, both days included: during it the deputy holds the manager's rights over
 * the manager's reports and is told what the manager is told; the rights end with the period, or when it is revoked.
 */
public record Delegation(UUID id, String managerId, String deputyId, String entity, LocalDate from, LocalDate to, String reason,
                         boolean revoked, String revocationReason) {

    public static Decision<Delegation> name(UUID id, String managerId, String deputyId, String entity, LocalDate from, LocalDate to,
                                            String reason, LocalDate today, Actor by, Instant now) {
        if (deputyId.equals(managerId)) {
            throw new RuleViolationException("R-ACC-3", "deputy-is-manager", "A manager is not their own deputy",
                    "Name someone else as the deputy of " + managerId + ".");
        }
        if (to.isBefore(from)) {
            throw new RuleViolationException("R-ACC-3", "delegation-period", "Period ends before it starts",
                    "A delegation runs from " + from + " to a day on or after it, not " + to + ".");
        }
        if (to.isBefore(today)) {
            throw new RuleViolationException("R-ACC-3", "delegation-in-the-past", "Period in the past",
                    "A delegation ending " + to + " would give no rights: it ended before today (" + today + ").");
        }
        Delegation named = new Delegation(id, managerId, deputyId, entity, from, to, reason, false, null);
        return new Decision<>(named, List.of(OutgoingEvent.of(WorkbenchEvents.DEPUTY_NAMED, managerId, new DeputyNamed(id.toString(),
                managerId, deputyId, entity, from, to, reason))),
                by.did(now, deputyId + " named deputy of " + managerId + " from " + from + " to " + to, reason));
    }

    /** The rights end now, whatever the period said. */
    public Decision<Delegation> revoke(String why, Actor by, Instant now) {
        if (revoked) {
            throw new ConflictException("delegation-revoked", "Already revoked", "This delegation was revoked already.");
        }
        Delegation next = new Delegation(id, managerId, deputyId, entity, from, to, reason, true, why);
        return new Decision<>(next, List.of(OutgoingEvent.of(WorkbenchEvents.DEPUTY_REVOKED, managerId,
                new DeputyRevoked(id.toString(), managerId, deputyId, why))), by.did(now, "delegation to " + deputyId + " revoked", why));
    }

    public boolean isActiveOn(LocalDate day) {
        return !revoked && !day.isBefore(from) && !day.isAfter(to);
    }
}

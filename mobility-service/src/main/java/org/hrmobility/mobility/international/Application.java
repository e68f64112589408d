package org.hrmobility.mobility.international;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.mobility.ApplicationAgreedByLineManager;
import org.hrmobility.contracts.mobility.ApplicationApproved;
import org.hrmobility.contracts.mobility.ApplicationRefused;
import org.hrmobility.contracts.mobility.ApplicationSubmitted;
import org.hrmobility.contracts.mobility.ApplicationWithdrawn;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.mobility.funding.CentralFunds;

/**
 * An application to a call (R-MOB-5): the line manager agrees first, then the host gives its green light, and
 * only then is it approved. Either may refuse with a reason; the employee may withdraw until the stay starts.
 * Central funds pay half the estimated travel and stay costs (R-MOB-3).
 */
public record Application(UUID id, UUID callId, Programme programme, String employeeId, String lineManagerId, String entity,
                          String host, Stay stay, long travelCents, long stayCents, Status status, Instant submittedAt,
                          Instant waitingOnHostSince, String refusalReason) {

    public enum Status {
        SUBMITTED, LINE_MANAGER_AGREED, APPROVED, REFUSED, WITHDRAWN
    }

    public long costCents() {
        return Math.addExact(travelCents, stayCents);
    }

    /** R-MOB-3: half of the travel and stay costs, half-up to the cent. */
    public long centralShareCents() {
        return CentralFunds.half(costCents());
    }

    /** R-MOB-1, 2 and 4: the call decides whether this application may be made today. */
    public static Decision<Application> submit(UUID id, Call call, Employee applicant, String host, Stay stay, long travelCents,
                                               long stayCents, LocalDate today, Actor by, Instant now) {
        call.check(today, applicant.parsedGrade(), stay);
        Application submitted = new Application(id, call.id(), call.programme(), applicant.employeeId(), applicant.lineManagerId(),
                applicant.entity(), host, stay, travelCents, stayCents, Status.SUBMITTED, now, null, null);
        return new Decision<>(submitted, List.of(submitted.event(MobilityEvents.APPLICATION_SUBMITTED, new ApplicationSubmitted(
                applicant.employeeId(), applicant.lineManagerId(), applicant.entity(), id.toString(), call.id().toString(),
                call.programme().name(), host, stay.startsOn(), stay.endsOn(), submitted.costCents(), submitted.centralShareCents()))),
                by.did(now, "applied to " + call.title(), host + ", " + stay.startsOn() + " to " + stay.endsOn()));
    }

    public Decision<Application> lineManagerDecides(boolean agreed, String reason, Actor by, Instant now) {
        require(Status.SUBMITTED, "the line manager's decision");
        if (!agreed) {
            return refused("LINE_MANAGER", reason, by, now);
        }
        Application next = with(Status.LINE_MANAGER_AGREED, now, null);
        return new Decision<>(next, List.of(event(MobilityEvents.APPLICATION_AGREED_BY_LINE_MANAGER,
                new ApplicationAgreedByLineManager(employeeId, lineManagerId, entity, id.toString(), host))),
                by.did(now, "line manager agreed; waiting for the host" + onBehalf(by), reason));
    }

    public Decision<Application> hostDecides(boolean greenLight, String reason, Actor by, Instant now) {
        require(Status.LINE_MANAGER_AGREED, "the host's decision");
        if (!greenLight) {
            return refused("HOST", reason, by, now);
        }
        Application next = with(Status.APPROVED, null, null);
        return new Decision<>(next, List.of(event(MobilityEvents.APPLICATION_APPROVED, new ApplicationApproved(employeeId,
                lineManagerId, entity, id.toString(), host, stay.startsOn(), centralShareCents()))),
                by.did(now, "host gave its green light: approved, central co-funding " + centralShareCents() + " cents", reason));
    }

    /** R-MOB-5: the employee may withdraw until the stay starts; HR on their behalf, with the reason (R-COR-1). */
    public Decision<Application> withdraw(String reason, LocalDate today, Actor by, Instant now) {
        if (status == Status.REFUSED || status == Status.WITHDRAWN) {
            throw new ConflictException("application-closed", "Application closed", "This application is " + status + ".");
        }
        if (!today.isBefore(stay.startsOn())) {
            throw new ConflictException("R-MOB-5", "stay-started", "Stay started",
                    "An application can be withdrawn until the stay starts on " + stay.startsOn() + ".");
        }
        boolean onBehalf = by.capacity() == Actor.Capacity.ON_BEHALF;
        Application next = with(Status.WITHDRAWN, null, reason);
        return new Decision<>(next, List.of(event(MobilityEvents.APPLICATION_WITHDRAWN,
                new ApplicationWithdrawn(employeeId, lineManagerId, entity, id.toString(), reason, onBehalf))),
                by.did(now, "withdrawn" + (onBehalf ? " on the employee's behalf" : ""), reason));
    }

    /** The same application with the employee's master data as it is today. */
    public Application withEmployee(String currentLineManager, String currentEntity) {
        return new Application(id, callId, programme, employeeId, currentLineManager, currentEntity, host, stay, travelCents, stayCents,
                status, submittedAt, waitingOnHostSince, refusalReason);
    }

    private static String onBehalf(Actor by) {
        return switch (by.capacity()) {
            case ON_BEHALF -> " (recorded by HR on the line manager's behalf)";
            case DEPUTY -> " (by the line manager's deputy)";
            default -> "";
        };
    }

    private Decision<Application> refused(String by, String reason, Actor actor, Instant now) {
        Application next = with(Status.REFUSED, null, reason);
        return new Decision<>(next, List.of(event(MobilityEvents.APPLICATION_REFUSED,
                new ApplicationRefused(employeeId, lineManagerId, entity, id.toString(), by, reason))),
                actor.did(now, "refused by the " + by.toLowerCase().replace('_', ' '), reason));
    }

    private void require(Status expected, String what) {
        if (status == Status.APPROVED || status == Status.REFUSED || status == Status.WITHDRAWN) {
            throw new ConflictException("R-MOB-5", "application-decided", "Application decided",
                    "This application is " + status + "; it takes no more decisions.");
        }
        if (status != expected) {
            throw new ConflictException("R-MOB-5", "out-of-turn", "Out of turn",
                    "The line manager agrees first, then the host; this application is " + status + ", not ready for " + what + ".");
        }
    }

    private Application with(Status newStatus, Instant waitingSince, String reason) {
        return new Application(id, callId, programme, employeeId, lineManagerId, entity, host, stay, travelCents, stayCents,
                newStatus, submittedAt, waitingSince, reason);
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, id.toString(), payload);
    }
}

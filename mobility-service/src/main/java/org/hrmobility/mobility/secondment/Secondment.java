package org.hrmobility.mobility.secondment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.contracts.mobility.SecondmentActivated;
import org.hrmobility.contracts.mobility.SecondmentAgreedByLineManager;
import org.hrmobility.contracts.mobility.SecondmentEnded;
import org.hrmobility.contracts.mobility.SecondmentRefused;
import org.hrmobility.contracts.mobility.SecondmentRequested;
import org.hrmobility.kit.audit.Actor;
import org.hrmobility.kit.decision.Decision;
import org.hrmobility.kit.employee.Employee;
import org.hrmobility.kit.outbox.OutgoingEvent;
import org.hrmobility.kit.problem.ConflictException;
import org.hrmobility.mobility.funding.CentralFunds;

/**
 * R-MOB-6: a secondment to an international institution, a local government or another administration:
 * requested, agreed by the line manager, confirmed by the host (then active), ended. When the host does not bear
 * the salary cost, central funds compensate half of it; also for staff on union leave and long-term sick staff.
 */
public record Secondment(UUID id, String employeeId, String lineManagerId, String entity, String host, HostType hostType,
                         Reason reason, LocalDate startsOn, LocalDate endsOn, long annualSalaryCostCents, boolean hostBearsSalary,
                         Status status, int version) {

    public enum HostType {
        INTERNATIONAL_INSTITUTION, LOCAL_GOVERNMENT, OTHER_ADMINISTRATION
    }

    /** Why someone is seconded: the compensation rule is the same for all three (R-MOB-6). */
    public enum Reason {
        REGULAR, UNION_LEAVE, LONG_TERM_SICK
    }

    public enum Status {
        REQUESTED, LINE_MANAGER_AGREED, ACTIVE, ENDED, REFUSED
    }

    /** R-MOB-6: half the salary cost, half-up to the cent, unless the host bears it. */
    public long centralCompensationCents() {
        return hostBearsSalary ? 0 : CentralFunds.half(annualSalaryCostCents);
    }

    public static Decision<Secondment> request(UUID id, Employee employee, String host, HostType hostType, Reason reason,
                                               LocalDate startsOn, LocalDate endsOn, long annualSalaryCostCents,
                                               boolean hostBearsSalary, Actor by, Instant now) {
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("a secondment ends after it starts");
        }
        Secondment s = new Secondment(id, employee.employeeId(), employee.lineManagerId(), employee.entity(), host, hostType,
                reason, startsOn, endsOn, annualSalaryCostCents, hostBearsSalary, Status.REQUESTED, 0);
        return new Decision<>(s, List.of(s.event(MobilityEvents.SECONDMENT_REQUESTED, new SecondmentRequested(s.employeeId,
                s.lineManagerId, s.entity, id.toString(), host, hostType.name(), reason.name(), startsOn, endsOn))),
                by.did(now, "secondment to " + host + " requested", reason.name()));
    }

    public Decision<Secondment> lineManagerDecides(boolean agreed, String why, Actor by, Instant now) {
        require(Status.REQUESTED, "the line manager's decision");
        if (!agreed) {
            return refused("LINE_MANAGER", why, by, now);
        }
        Secondment next = with(Status.LINE_MANAGER_AGREED);
        return new Decision<>(next, List.of(event(MobilityEvents.SECONDMENT_AGREED_BY_LINE_MANAGER,
                new SecondmentAgreedByLineManager(employeeId, lineManagerId, entity, id.toString()))),
                by.did(now, "line manager agreed; waiting for the host", why));
    }

    public Decision<Secondment> hostDecides(boolean confirmed, String why, Actor by, Instant now) {
        require(Status.LINE_MANAGER_AGREED, "the host's confirmation");
        if (!confirmed) {
            return refused("HOST", why, by, now);
        }
        Secondment next = with(Status.ACTIVE);
        return new Decision<>(next, List.of(event(MobilityEvents.SECONDMENT_ACTIVATED, new SecondmentActivated(employeeId,
                lineManagerId, entity, id.toString(), host, centralCompensationCents()))),
                by.did(now, "host confirmed: active, central compensation " + centralCompensationCents() + " cents a year", why));
    }

    public Decision<Secondment> end(LocalDate on, Actor by, Instant now) {
        require(Status.ACTIVE, "ending");
        Secondment next = new Secondment(id, employeeId, lineManagerId, entity, host, hostType, reason, startsOn, on,
                annualSalaryCostCents, hostBearsSalary, Status.ENDED, version);
        return new Decision<>(next, List.of(event(MobilityEvents.SECONDMENT_ENDED,
                new SecondmentEnded(employeeId, lineManagerId, entity, id.toString(), on))), by.did(now, "ended on " + on, null));
    }

    public Secondment withVersion(int storedVersion) {
        return new Secondment(id, employeeId, lineManagerId, entity, host, hostType, reason, startsOn, endsOn, annualSalaryCostCents,
                hostBearsSalary, status, storedVersion);
    }

    private Decision<Secondment> refused(String by, String why, Actor actor, Instant now) {
        return new Decision<>(with(Status.REFUSED), List.of(event(MobilityEvents.SECONDMENT_REFUSED,
                new SecondmentRefused(employeeId, lineManagerId, entity, id.toString(), by, why))),
                actor.did(now, "refused by the " + by.toLowerCase().replace('_', ' '), why));
    }

    private void require(Status expected, String what) {
        if (status != expected) {
            throw new ConflictException("R-MOB-6", "out-of-turn", "Out of turn",
                    "Request, line manager, host, active, ended: this secondment is " + status + ", not ready for " + what + ".");
        }
    }

    private Secondment with(Status newStatus) {
        return new Secondment(id, employeeId, lineManagerId, entity, host, hostType, reason, startsOn, endsOn, annualSalaryCostCents,
                hostBearsSalary, newStatus, version);
    }

    private <T> OutgoingEvent<T> event(EventType<T> type, T payload) {
        return OutgoingEvent.of(type, id.toString(), payload);
    }
}

package org.hrmobility.mobility.international;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.contracts.mobility.CallClosed;
import org.hrmobility.contracts.mobility.CallOpened;
import org.hrmobility.contracts.mobility.MobilityEvents;
import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.ConflictException;
import org.hrmobility.kit.domain.Decision;
import org.hrmobility.kit.domain.OutgoingEvent;
import org.hrmobility.kit.domain.RuleViolationException;

/**
 * R-MOB-4: international mobility runs in calls: an application window, the eligible levels (2013: A only;
 * 2014: A, B, C and D) and optionally a duration cap below the programme's maximum. HR may close a call early
 * (R-COR-1).
 */
public record Call(UUID id, Programme programme, String title, LocalDate opensOn, LocalDate closesOn,
                   Set<Grade.Level> eligibleLevels, Integer maxMonths, Status status, String closedReason) {

    public enum Status {
        OPEN, CLOSED
    }

    public Call {
        eligibleLevels = Set.copyOf(eligibleLevels);
        status = status == null ? Status.OPEN : status;
        if (closesOn.isBefore(opensOn)) {
            throw new IllegalArgumentException("the window closes before it opens");
        }
        if (maxMonths != null && (maxMonths < programme.minMonths() || maxMonths > programme.maxMonths())) {
            throw new IllegalArgumentException("the cap must lie within the programme's " + programme.minMonths() + " to "
                    + programme.maxMonths() + " months");
        }
    }

    public static Decision<Call> open(UUID id, Programme programme, String title, LocalDate opensOn, LocalDate closesOn,
                                      Set<Grade.Level> eligibleLevels, Integer maxMonths, Actor by, Instant now) {
        Call call = new Call(id, programme, title, opensOn, closesOn, eligibleLevels, maxMonths, Status.OPEN, null);
        return new Decision<>(call, List.of(OutgoingEvent.of(MobilityEvents.CALL_OPENED, id.toString(),
                new CallOpened(id.toString(), programme.name(), title, opensOn, closesOn,
                        eligibleLevels.stream().map(Enum::name).sorted().toList(), maxMonths))),
                by.did(now, "call opened: " + title, null));
    }

    /** R-COR-1: HR closes the call; no more applications, those made stay as they are. */
    public Decision<Call> close(String reason, Actor by, Instant now) {
        if (status == Status.CLOSED) {
            throw new ConflictException("call-closed", "Call closed", "This call was closed already.");
        }
        Call closed = new Call(id, programme, title, opensOn, closesOn, eligibleLevels, maxMonths, Status.CLOSED, reason);
        return new Decision<>(closed, List.of(OutgoingEvent.of(MobilityEvents.CALL_CLOSED, id.toString(),
                new CallClosed(id.toString(), title, reason))), by.did(now, "call closed", reason));
    }

    /** The longest stay this call allows: its cap, else the programme's maximum. */
    public int longestMonths() {
        return maxMonths == null ? programme.maxMonths() : maxMonths;
    }

    /**
     * Refuses an application with the rule it breaks: a closed call, outside the window or from an ineligible level
     * (R-MOB-4), shorter than the programme's minimum (R-MOB-1 / R-MOB-2), longer than the programme or the call allows.
     */
    public void check(LocalDate appliedOn, Grade applicantGrade, Stay stay) {
        if (status == Status.CLOSED) {
            throw new RuleViolationException("R-MOB-4", "call-closed", "Call closed",
                    "This call was closed by HR" + (closedReason == null ? "." : ": " + closedReason));
        }
        if (appliedOn.isBefore(opensOn) || appliedOn.isAfter(closesOn)) {
            throw new RuleViolationException("R-MOB-4", "outside-application-window", "Outside the application window",
                    "Applications to this call are open from " + opensOn + " to " + closesOn + ".");
        }
        if (!eligibleLevels.contains(applicantGrade.level())) {
            throw new RuleViolationException("R-MOB-4", "level-not-eligible", "Level not eligible",
                    "This call is open to levels " + eligibleLevels + "; the applicant's grade is " + applicantGrade + ".");
        }
        if (!stay.lastsAtLeast(programme.minMonths())) {
            throw new RuleViolationException(programme.rule(), "stay-too-short", "Stay too short",
                    "A " + programme + " lasts at least " + programme.minMonths() + " month(s).");
        }
        if (!stay.lastsAtMost(programme.maxMonths())) {
            throw new RuleViolationException(programme.rule(), "stay-too-long", "Stay too long",
                    "A " + programme + " lasts at most " + programme.maxMonths() + " months.");
        }
        if (!stay.lastsAtMost(longestMonths())) {
            throw new RuleViolationException("R-MOB-4", "stay-longer-than-call-allows", "Longer than the call allows",
                    "This call caps stays at " + longestMonths() + " month(s).");
        }
    }
}

package org.hrmobility.mobility.international;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.hrmobility.contracts.employee.Grade;
import org.hrmobility.kit.problem.RuleViolationException;

/**
 * R-MOB-4: international mobility runs in calls: an application window, the eligible levels (2013: A only;
 * 2014: A, B, C and D) and optionally a duration cap below the programme's maximum.
 */
public record Call(UUID id, Programme programme, String title, LocalDate opensOn, LocalDate closesOn,
                   Set<Grade.Level> eligibleLevels, Integer maxMonths) {

    public Call {
        eligibleLevels = Set.copyOf(eligibleLevels);
        if (closesOn.isBefore(opensOn)) {
            throw new IllegalArgumentException("the window closes before it opens");
        }
        if (maxMonths != null && (maxMonths < programme.minMonths() || maxMonths > programme.maxMonths())) {
            throw new IllegalArgumentException("the cap must lie within the programme's " + programme.minMonths() + " to "
                    + programme.maxMonths() + " months");
        }
    }

    /** The longest stay this call allows: its cap, else the programme's maximum. */
    public int longestMonths() {
        return maxMonths == null ? programme.maxMonths() : maxMonths;
    }

    /**
     * Refuses an application with the rule it breaks: outside the window or from an ineligible level (R-MOB-4),
     * shorter than the programme's minimum (R-MOB-1 / R-MOB-2), longer than the programme or the call allows.
     */
    public void check(LocalDate appliedOn, Grade applicantGrade, Stay stay) {
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

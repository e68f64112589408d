package org.hrmobility.evaluation.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The follow-up an INSUFFICIENT opens (R-EVA-3): guidance actions, the earliest day of the next evaluation, and
 * how many of the four following evaluations have been held (R-EVA-4).
 */
public record FollowUp(LocalDate openedOn, LocalDate earliestNext, int evaluations, List<String> guidanceActions,
                       boolean dueReminded, Outcome outcome, LocalDate endedOn) {

    /** R-EVA-3: the next evaluation at least six months after the INSUFFICIENT one. */
    public static final int MONTHS_TO_NEXT = 6;
    /** R-EVA-4: the evaluations watched after the INSUFFICIENT one. */
    public static final int WATCHED = 4;

    public enum Outcome {
        OPEN,
        /** Four following evaluations without another INSUFFICIENT. */
        CLOSED,
        /** Another INSUFFICIENT among the four: dismissal is mandatory. */
        DISMISSAL_MANDATED
    }

    public FollowUp {
        guidanceActions = List.copyOf(guidanceActions);
    }

    /** Opened by an INSUFFICIENT of {@code day}; plusMonths keeps month ends: 31 August + 6 months is 28 (29) February. */
    static FollowUp openedBy(LocalDate day) {
        return new FollowUp(day, day.plusMonths(MONTHS_TO_NEXT), 0, List.of(), false, Outcome.OPEN, null);
    }

    public boolean isOpen() {
        return outcome == Outcome.OPEN;
    }

    FollowUp counted(Outcome newOutcome, LocalDate on) {
        return new FollowUp(openedOn, earliestNext, evaluations + 1, guidanceActions, dueReminded, newOutcome,
                newOutcome == Outcome.OPEN ? null : on);
    }

    FollowUp withAction(String action) {
        List<String> more = new ArrayList<>(guidanceActions);
        more.add(action);
        return new FollowUp(openedOn, earliestNext, evaluations, more, dueReminded, outcome, endedOn);
    }

    FollowUp reminded() {
        return new FollowUp(openedOn, earliestNext, evaluations, guidanceActions, true, outcome, endedOn);
    }
}

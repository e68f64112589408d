package org.hrmobility.evaluation.file;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The follow-up an INSUFFICIENT opens (R-EVA-3): guidance actions, the earliest day of the next evaluation, and how many
 * of the four following evaluations have been held (R-EVA-4).
 *
 * @param openedBy     the INSUFFICIENT evaluation that opened it
 * @param earliestNext six months after the last evaluation of the follow-up (at first the INSUFFICIENT one)
 */
public record FollowUp(LocalDate openedOn, UUID openedBy, LocalDate earliestNext, int evaluations, List<String> guidanceActions,
                       boolean dueReminded, Outcome outcome, LocalDate endedOn) {

    /**
     * R-EVA-3: at least six months between the INSUFFICIENT and the next evaluation, and, as this suite applies it,
     * between each of the four following ones and the one before it: the guidance the rule asks for cannot be skipped by
     * holding the four evaluations in quick succession.
     */
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
    static FollowUp openedBy(Evaluation insufficient) {
        LocalDate day = insufficient.evaluatedOn();
        return new FollowUp(day, insufficient.id(), day.plusMonths(MONTHS_TO_NEXT), 0, List.of(), false, Outcome.OPEN, null);
    }

    public boolean isOpen() {
        return outcome == Outcome.OPEN;
    }

    FollowUp counted(Outcome newOutcome, LocalDate on) {
        return new FollowUp(openedOn, openedBy, on.plusMonths(MONTHS_TO_NEXT), evaluations + 1, guidanceActions, false, newOutcome,
                newOutcome == Outcome.OPEN ? null : on);
    }

    FollowUp withAction(String action) {
        List<String> more = new ArrayList<>(guidanceActions);
        more.add(action);
        return new FollowUp(openedOn, openedBy, earliestNext, evaluations, more, dueReminded, outcome, endedOn);
    }

    FollowUp reminded() {
        return new FollowUp(openedOn, openedBy, earliestNext, evaluations, guidanceActions, true, outcome, endedOn);
    }

    /** What a recomputed follow-up keeps of this one when it was opened by the same evaluation: actions and reminder. */
    FollowUp keepingFrom(FollowUp before) {
        if (before == null || openedBy == null || !openedBy.equals(before.openedBy)) {
            return this;
        }
        return new FollowUp(openedOn, openedBy, earliestNext, evaluations, before.guidanceActions,
                before.dueReminded && earliestNext.equals(before.earliestNext), outcome, endedOn);
    }
}

package org.hrmobility.console.evaluations;

import org.hrmobility.console.api.Me;

/**
 * What the person may do on an evaluation file now: the line manager (or their deputy, or HR on the manager's behalf
 * with a reason) records evaluations and guidance actions (R-EVA-1, R-EVA-3); HR decides proposals (R-EVA-2), corrects
 * (R-COR-1) and records contractual dismissals (R-EVA-5). Nobody acts on their own file (R-ACC-2). A line manager who can
 * see someone else's file is their line manager or deputy: the evaluation service shows it to no one else.
 */
public record FileActions(boolean record, boolean guidance, boolean decide, boolean correct, boolean contractual, boolean onBehalf) {

    static FileActions of(Me me, String employeeId, String state) {
        if (me.is(employeeId)) {
            return new FileActions(false, false, false, false, false, false);
        }
        boolean manager = me.isLineManager();
        boolean handler = me.isCaseHandler();
        boolean evaluated = !state.equals("DISMISSED") && !state.equals("DISMISSAL_MANDATED")
                && !state.equals("CONTRACTUAL_DISMISSAL_RECORDED") && !state.equals("DISMISSAL_PROPOSED");
        boolean followUpOpen = state.equals("FOLLOW_UP_OPEN");
        boolean decided = state.equals("DISMISSED") || state.equals("CONTRACTUAL_DISMISSAL_RECORDED");
        return new FileActions(evaluated && (manager || handler), followUpOpen && (manager || handler),
                handler && state.equals("DISMISSAL_PROPOSED"), handler && !decided && !state.equals("NONE"),
                handler && !state.equals("CONTRACTUAL_DISMISSAL_RECORDED"), handler && !manager);
    }

    public boolean any() {
        return record || guidance || decide || correct || contractual;
    }
}

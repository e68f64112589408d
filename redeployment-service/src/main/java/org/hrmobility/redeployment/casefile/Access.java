package org.hrmobility.redeployment.casefile;

import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.security.AccessPolicy;
import org.hrmobility.kit.security.CurrentUser;

/**
 * Who may take a decision on a case they can see. Seeing is {@link AccessPolicy}'s (404 otherwise); acting is
 * narrower: 403 when the role does not allow the act.
 */
@FunctionalInterface
interface Access {

    void check(CurrentUser user, RedeploymentCase c);

    static Access caseHandler() {
        return (user, c) -> require(user.isCaseHandler());
    }

    static Access lineManagerOrCaseHandler() {
        return (user, c) -> require(AccessPolicy.mayActFor(user, owner(c)));
    }

    /** The employee answers their own offer; a case handler may answer on their behalf, giving the reason. */
    static Access employeeOrCaseHandlerGiving(String reason) {
        return (user, c) -> {
            boolean self = user.employeeIdIs(c.employee().employeeId());
            require(self || user.isCaseHandler());
            if (!self && (reason == null || reason.isBlank())) {
                throw new BadRequestException("reason-required", "Reason required",
                        "A case handler answering on the employee's behalf gives the reason.");
            }
        };
    }

    private static AccessPolicy.Owner owner(RedeploymentCase c) {
        return new AccessPolicy.Owner(c.employee().employeeId(), c.employee().lineManagerId());
    }

    private static void require(boolean allowed) {
        if (!allowed) {
            throw new ForbiddenException(null, "not-yours-to-decide", "Not yours to decide",
                    "Your role does not allow this decision on this case.");
        }
    }
}

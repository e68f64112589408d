package org.hrmobility.kit.access;

import org.hrmobility.kit.domain.Actor;
import org.hrmobility.kit.domain.BadRequestException;
import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.security.CurrentUser;

/**
 * Who may take one kind of decision on a file they can see, and as whom it is recorded (403 otherwise). Seeing is
 * decided before, from the caller's {@link Standing}.
 */
@FunctionalInterface
public interface Permission {

    /**
     * @param reason the command's own reason, which an act in someone else's place must give
     * @return the actor the history and events name
     */
    Actor actor(CurrentUser user, Standing standing, String reason);

    /** An HR decision (admissibility, offers, dismissal proposals): case handlers, never on their own file (R-ACC-2). */
    static Permission caseHandler() {
        return (user, standing, reason) -> {
            notOwnFile(standing, "HR");
            require(user.isCaseHandler(), "HR case handlers take this decision.");
            return own(user);
        };
    }

    /**
     * A decision that belongs to the line manager (guidance, agreements, consents, evaluations): the current manager;
     * their deputy, recorded as such (R-ACC-3); or HR on the manager's behalf, with a reason (R-ACC-2). Never on one's
     * own file.
     */
    static Permission lineManager() {
        return (user, standing, reason) -> {
            notOwnFile(standing, "the line manager");
            return switch (standing.relation()) {
                case LINE_MANAGER -> own(user);
                case DEPUTY -> own(user).asDeputyOf(standing.managerId());
                case CASE_HANDLER -> standing.managerId() == null ? own(user)
                        : withReason(reason, "HR records the line manager's decision on their behalf, with the reason.",
                                own(user).onBehalfOf(standing.managerId()));
                default -> throw forbidden("The line manager (or their deputy, or HR on their behalf) decides this.");
            };
        };
    }

    /**
     * An act the line manager or HR takes in their own right (registering someone for redeployment, requesting a
     * secondment): the current manager, their deputy (recorded as such), or a case handler; never on one's own file.
     */
    static Permission lineManagerOrCaseHandler() {
        return (user, standing, reason) -> {
            notOwnFile(standing, "your line manager or HR");
            return switch (standing.relation()) {
                case LINE_MANAGER, CASE_HANDLER -> own(user);
                case DEPUTY -> own(user).asDeputyOf(standing.managerId());
                default -> throw forbidden("The line manager (or their deputy) or HR does this.");
            };
        };
    }

    /** The employee's own act (answering an offer, withdrawing): the employee, or HR on their behalf with a reason. */
    static Permission subject() {
        return (user, standing, reason) -> switch (standing.relation()) {
            case SELF -> own(user);
            case CASE_HANDLER -> withReason(reason, "A case handler acting on the employee's behalf gives the reason.",
                    own(user).onBehalfOf(standing.subject() == null ? null : standing.subject().employeeId()));
            default -> throw forbidden("Only the employee (or HR on their behalf) does this.");
        };
    }

    /** Something of the employee's own that HR may also act on in its own right (a talent request's matches and assignment). */
    static Permission subjectOrCaseHandler() {
        return (user, standing, reason) -> switch (standing.relation()) {
            case SELF, CASE_HANDLER -> own(user);
            default -> throw forbidden("Only its owner (or HR) does this.");
        };
    }

    static Actor own(CurrentUser user) {
        return new Actor(user.subject(), user.employeeId());
    }

    private static Actor withReason(String reason, String why, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new BadRequestException("reason-required", "Reason required", why);
        }
        return actor.onBehalfOf() == null ? new Actor(actor.subject(), actor.employeeId()) : actor;
    }

    private static void notOwnFile(Standing standing, String who) {
        if (standing.relation() == Relation.SELF) {
            throw new ForbiddenException("R-ACC-2", "own-file", "Not on your own file",
                    "Nobody decides on their own file: " + who + " takes this decision for you.");
        }
    }

    private static void require(boolean allowed, String why) {
        if (!allowed) {
            throw forbidden(why);
        }
    }

    private static ForbiddenException forbidden(String why) {
        return new ForbiddenException(null, "not-yours-to-decide", "Not yours to decide", why);
    }
}

package org.hrmobility.kit.security;

import java.util.Objects;

import org.hrmobility.kit.domain.ForbiddenException;
import org.hrmobility.kit.domain.NotFoundException;

/**
 * The object-level rule of docs/architecture.md ("Access"), the same in every service: an object about an employee may be seen by
 * that employee, by their line manager, and by every HR case handler. Anyone else gets 404, as if it did not
 * exist.
 */
public final class AccessPolicy {

    /** Whose object it is: the employee it is about and, at the time, their line manager. */
    public record Owner(String employeeId, String lineManagerId) {
    }

    private AccessPolicy() {
    }

    public static boolean maySee(CurrentUser user, Owner owner) {
        if (user.isCaseHandler()) {
            return true;
        }
        String me = user.employeeId();
        if (me == null) {
            return false;
        }
        return me.equals(owner.employeeId())
                || user.has(Role.LINE_MANAGER) && Objects.equals(me, owner.lineManagerId());
    }

    /** True for the employee's line manager and for case handlers: those who act on an employee's behalf. */
    public static boolean mayActFor(CurrentUser user, Owner owner) {
        return user.isCaseHandler()
                || user.has(Role.LINE_MANAGER) && user.employeeId() != null
                && user.employeeId().equals(owner.lineManagerId());
    }

    /**
     * Which entity's figures this user may read: case handlers any (the one asked for, or all when none is, as an
     * empty string), HR business partners their own entity only.
     *
     * @throws ForbiddenException for everyone else
     */
    public static String figuresScope(CurrentUser user, String requestedEntity) {
        if (user.isCaseHandler()) {
            return requestedEntity == null ? "" : requestedEntity;
        }
        if (user.has(Role.HR_BUSINESS_PARTNER) && user.entity() != null) {
            return user.entity();
        }
        throw new ForbiddenException(null, "figures-for-hr", "Figures are for HR",
                "Figures are for HR business partners of their entity and for case handlers.");
    }

    /** @throws NotFoundException when the user may not see it, worded as if it did not exist */
    public static void requireVisible(CurrentUser user, Owner owner, String what, Object id) {
        if (!maySee(user, owner)) {
            throw new NotFoundException(what, id);
        }
    }
}

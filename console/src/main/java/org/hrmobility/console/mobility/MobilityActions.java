package org.hrmobility.console.mobility;

import java.util.List;
import java.util.Map;

import org.hrmobility.console.api.Me;

/**
 * What the signed-in person may decide on a mobility record now, as the mobility service would allow it (R-MOB-5,
 * R-MOB-6, R-MOB-8, R-MOB-9; R-ACC-2: nobody decides on their own record). The service decides in the end; the pages
 * only leave out the forms it would refuse. Each answer is the model its page shows those forms by.
 */
final class MobilityActions {

    private MobilityActions() {
    }

    /** R-MOB-5: first the line manager (or deputy, or HR on their behalf), then the host's answer, recorded by HR. */
    static Map<String, Object> application(Me me, Map<String, Object> a) {
        String status = status(a);
        boolean self = me.is((String) a.get("employeeId"));
        return Map.of("lineManagerDecides", !self && status.equals("SUBMITTED") && forTheLine(me),
                "onBehalf", me.isCaseHandler() && !me.isLineManager(),
                "hostDecides", !self && status.equals("LINE_MANAGER_AGREED") && me.isCaseHandler(),
                "withdraw", (self || me.isCaseHandler()) && in(status, "SUBMITTED", "LINE_MANAGER_AGREED", "APPROVED"));
    }

    /** R-MOB-6: as an application, and HR ends an approved or active secondment early (by default today). */
    static Map<String, Object> secondment(Me me, Map<String, Object> s, String today) {
        String status = status(s);
        boolean self = me.is((String) s.get("employeeId"));
        return Map.of("lineManagerDecides", !self && status.equals("REQUESTED") && forTheLine(me),
                "onBehalf", me.isCaseHandler() && !me.isLineManager(),
                "hostDecides", !self && status.equals("LINE_MANAGER_AGREED") && me.isCaseHandler(),
                "endEarly", !self && me.isCaseHandler() && in(status, "ACTIVE", "APPROVED"),
                "withdraw", !self && forTheLine(me) && in(status, "REQUESTED", "LINE_MANAGER_AGREED", "APPROVED"),
                "today", today);
    }

    /** R-MOB-9: the line manager or HR extends a running allowance or ends it early. */
    static Map<String, Object> allowance(Me me, Map<String, Object> a) {
        boolean self = me.is((String) a.get("employeeId"));
        return Map.of("decides", !self && a.get("endedEarlyOn") == null && forTheLine(me));
    }

    /** R-MOB-8: the line manager (or HR in their place) consents to an offer of talents; its owner or HR withdraws it. */
    static Map<String, Object> talentOffer(Me me, Map<String, Object> o) {
        String status = status(o);
        boolean self = me.is((String) o.get("employeeId"));
        boolean lineManager = me.is((String) o.get("lineManagerId"));
        return Map.of("consent", !self && status.equals("AWAITING_CONSENT") && (lineManager || me.isCaseHandler()),
                "onBehalf", !lineManager,
                "withdraw", (self || me.isCaseHandler()) && in(status, "AWAITING_CONSENT", "PUBLISHED"));
    }

    /** R-MOB-8: whoever asked for talents (or HR) sees the matches of an open request, assigns one or withdraws it. */
    static boolean managesRequest(Me me, Map<String, Object> r) {
        return ownsRequest(me, r) && "OPEN".equals(r.get("status"));
    }

    /** R-COR-1: whoever asked for talents (or HR) cancels an assignment made in error. */
    static boolean cancelsAssignment(Me me, Map<String, Object> r) {
        return ownsRequest(me, r) && "ASSIGNED".equals(r.get("status"));
    }

    private static boolean ownsRequest(Me me, Map<String, Object> r) {
        return me.is((String) r.get("ownerId")) || me.isCaseHandler();
    }

    /** A line manager decides for their reports, HR for anyone; the mobility service checks whose manager they are. */
    private static boolean forTheLine(Me me) {
        return me.isLineManager() || me.isCaseHandler();
    }

    private static String status(Map<String, Object> record) {
        return String.valueOf(record.get("status"));
    }

    private static boolean in(String status, String... statuses) {
        return List.of(statuses).contains(status);
    }
}

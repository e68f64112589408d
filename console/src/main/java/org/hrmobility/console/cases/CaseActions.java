package org.hrmobility.console.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hrmobility.console.api.Me;

/**
 * Exactly the decisions the signed-in person may take on a redeployment case now, as the redeployment service would
 * allow them (R-RED-1 to R-RED-5, R-COR-1, R-COR-2; R-ACC-2: nobody decides on their own file; R-ACC-3: a deputy acts
 * for the line manager). The service decides in the end; the console only leaves out what would be refused.
 *
 * @param relation              SELF, LINE_MANAGER, DEPUTY, CASE_HANDLER or OTHER
 * @param admissibilityWaitsFor the day the guidance trajectory ends, when admissibility waits for it (R-RED-1)
 * @param exOfficioNext         the next offer places the employee ex officio (R-RED-4)
 * @param onBehalf              the answer or the guidance is given in someone else's place: a reason is required
 */
public record CaseActions(String relation, boolean guidance, boolean admissibility, String admissibilityWaitsFor, boolean offer,
                          boolean exOfficioNext, boolean answer, boolean cancelOffer, boolean close, boolean reopen,
                          boolean onBehalf) {

    public static final int REFUSALS_ALLOWED = 2;

    @SuppressWarnings("unchecked")
    public static CaseActions of(Me me, Map<String, Object> c, LocalDate today, Set<String> deputyFor) {
        Map<String, Object> employee = (Map<String, Object>) c.getOrDefault("employee", Map.of());
        String employeeId = (String) employee.get("employeeId");
        String lineManagerId = (String) employee.get("lineManagerId");
        String relation = relation(me, employeeId, lineManagerId, deputyFor);
        String status = String.valueOf(c.get("status"));
        boolean handler = relation.equals("CASE_HANDLER");
        boolean active = status.equals("OPENED") || status.equals("IN_POOL") || status.equals("INTERNAL_TRAJECTORY");

        boolean opened = status.equals("OPENED");
        boolean guidance = opened && (handler || relation.equals("LINE_MANAGER") || relation.equals("DEPUTY"));

        Map<String, Object> trajectory = (Map<String, Object>) c.get("guidance");
        LocalDate trajectoryEnds = trajectory == null || trajectory.get("to") == null ? null : LocalDate.parse(trajectory.get("to").toString());
        boolean completed = trajectoryEnds != null && !trajectoryEnds.isAfter(today);
        boolean admissibility = opened && handler && completed;
        String waits = opened && handler && trajectoryEnds != null && !completed ? trajectoryEnds.toString() : null;

        Map<String, Object> open = openOffer(c);
        boolean answerable = open != null && "OPEN".equals(open.get("status")) && open.get("respondBy") != null
                && !LocalDate.parse(open.get("respondBy").toString()).isBefore(today);
        int refusals = c.get("refusals") instanceof Number n ? n.intValue() : 0;
        boolean offer = status.equals("IN_POOL") && open == null && handler;

        return new CaseActions(relation, guidance, admissibility, waits, offer, offer && refusals >= REFUSALS_ALLOWED,
                answerable && (relation.equals("SELF") || handler), open != null && handler, active && handler,
                status.equals("CLOSED") && handler, handler && !relation.equals("SELF"));
    }

    /** The offer awaiting an answer, if any. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> openOffer(Map<String, Object> c) {
        Object offers = c.get("offers");
        if (!(offers instanceof List<?> list)) {
            return null;
        }
        return list.stream().map(o -> (Map<String, Object>) o).filter(o -> "OPEN".equals(o.get("status"))).findFirst().orElse(null);
    }

    /** How the person stands to the employee: the kit's Relation, as far as the console can tell. */
    static String relation(Me me, String employeeId, String lineManagerId, Set<String> deputyFor) {
        if (me.is(employeeId)) {
            return "SELF";
        }
        if (me.isLineManager() && me.is(lineManagerId)) {
            return "LINE_MANAGER";
        }
        if (lineManagerId != null && deputyFor.contains(lineManagerId)) {
            return "DEPUTY";
        }
        if (me.isCaseHandler()) {
            return "CASE_HANDLER";
        }
        return "OTHER";
    }

    public boolean any() {
        return guidance || admissibility || offer || answer || cancelOffer || close || reopen;
    }
}

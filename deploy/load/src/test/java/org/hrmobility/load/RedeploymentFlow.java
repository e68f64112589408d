package org.hrmobility.load;

import java.util.List;

/**
 * The redeployment flow the load drives, in one place (R-RED-1..4): a case opened for an employee, the guidance
 * trajectory recorded by the line manager, admissibility decided, two offers refused on the employee's behalf, the
 * third placing the employee ex officio. The Gatling workflows ({@link Workloads}) and the side-by-side with the
 * peer ({@code figures.PeerRun}: the suite through the gateway, and the same flow on Operaton) take their requests'
 * content from here, so both systems get the same data.
 */
public final class RedeploymentFlow {

    public static final String CASES = "/api/redeployment/cases";

    public static final String GUIDANCE_FROM = "2026-03-01";
    /** Before today: R-RED-1 wants the trajectory completed when admissibility is decided. */
    public static final String GUIDANCE_TO = "2026-09-30";
    public static final String GUIDANCE_ACTION = "coaching";
    public static final String ADMISSIBILITY_MOTIVATION = "load";
    public static final String REFUSAL_REASON = "declined by phone";
    public static final String ENTITY = "DEPT-WSE";

    /** One offer: a position of equal or lower grade than the synthetic employees' B2 (R-RED-3). */
    public record Offer(String title, String grade) {

        public String body() {
            return "{\"title\":\"" + title + "\",\"entity\":\"" + ENTITY + "\",\"grade\":\"" + grade + "\"}";
        }
    }

    /** The three offers: the first two refused, the third placing ex officio (R-RED-4). */
    public static final List<Offer> OFFERS = List.of(new Offer("Adviser", "B2"), new Offer("Adviser", "B1"), new Offer("Analyst", "B1"));

    private RedeploymentFlow() {
    }

    /** The employee's id, or a Gatling expression such as {@code #{employeeId}}. */
    public static String openCaseBody(String employeeId) {
        return "{\"employeeId\":\"" + employeeId + "\"}";
    }

    public static String guidanceBody() {
        return "{\"from\":\"" + GUIDANCE_FROM + "\",\"to\":\"" + GUIDANCE_TO + "\",\"actions\":[\"" + GUIDANCE_ACTION + "\"]}";
    }

    public static String admissibilityBody() {
        return "{\"redeployable\":true,\"motivation\":\"" + ADMISSIBILITY_MOTIVATION + "\"}";
    }

    public static String refusalBody() {
        return "{\"reason\":\"" + REFUSAL_REASON + "\"}";
    }

    public static String guidancePath(String caseId) {
        return CASES + "/" + caseId + "/guidance-trajectory";
    }

    public static String admissibilityPath(String caseId) {
        return CASES + "/" + caseId + "/admissibility";
    }

    public static String offersPath(String caseId) {
        return CASES + "/" + caseId + "/offers";
    }

    public static String refusalPath(String caseId, String offerId) {
        return CASES + "/" + caseId + "/offers/" + offerId + "/refusal";
    }
}

package org.hrmobility.console.mobility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hrmobility.console.api.Me;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MobilityActionsTest {

    static final Me HANA = new Me("hana", "E-0001", "Hana", List.of("HR_CASE_HANDLER"), "DEPT-WSE");
    static final Me LARS = new Me("lars", "E-0002", "Lars", List.of("LINE_MANAGER"), "DEPT-WSE");
    static final Me EMMA = new Me("emma", "E-0003", "Emma", List.of(), "DEPT-WSE");

    /** Emma's record in the status, with more fields. */
    static Map<String, Object> emmas(String status, Map<String, Object> more) {
        Map<String, Object> record = new HashMap<>(more);
        record.put("status", status);
        record.put("employeeId", "E-0003");
        return record;
    }

    static Map<String, Object> emmas(String status) {
        return emmas(status, Map.of());
    }

    @Test
    @DisplayName("R-MOB-5: the line manager agrees first, HR records the host's answer after; the employee withdraws; nobody decides on their own application (R-ACC-2)")
    void application() {
        assertThat(MobilityActions.application(LARS, emmas("SUBMITTED"))).containsEntry("lineManagerDecides", true)
                .containsEntry("hostDecides", false).containsEntry("onBehalf", false).containsEntry("withdraw", false);
        assertThat(MobilityActions.application(HANA, emmas("SUBMITTED"))).containsEntry("onBehalf", true);
        assertThat(MobilityActions.application(HANA, emmas("LINE_MANAGER_AGREED"))).containsEntry("hostDecides", true)
                .containsEntry("lineManagerDecides", false);
        assertThat(MobilityActions.application(EMMA, emmas("SUBMITTED"))).containsEntry("lineManagerDecides", false)
                .containsEntry("withdraw", true);
        assertThat(MobilityActions.application(EMMA, emmas("REFUSED"))).containsEntry("withdraw", false);
    }

    @Test
    @DisplayName("R-MOB-6, R-MOB-9, R-MOB-8: HR ends a secondment early; the line changes a running allowance; the offer's line manager or HR consents; a request's owner assigns")
    void others() {
        assertThat(MobilityActions.secondment(HANA, emmas("ACTIVE"), "2026-01-10")).containsEntry("endEarly", true)
                .containsEntry("withdraw", false).containsEntry("today", "2026-01-10");
        assertThat(MobilityActions.secondment(LARS, emmas("REQUESTED"), "2026-01-10")).containsEntry("lineManagerDecides", true)
                .containsEntry("withdraw", true).containsEntry("endEarly", false);
        assertThat(MobilityActions.secondment(EMMA, emmas("REQUESTED"), "2026-01-10")).containsEntry("lineManagerDecides", false)
                .containsEntry("withdraw", false);
        assertThat(MobilityActions.allowance(LARS, emmas("RUNNING"))).containsEntry("decides", true);
        assertThat(MobilityActions.allowance(LARS, emmas("RUNNING", Map.of("endedEarlyOn", "2026-01-01")))).containsEntry("decides", false);
        assertThat(MobilityActions.allowance(EMMA, emmas("RUNNING"))).containsEntry("decides", false);
        assertThat(MobilityActions.talentOffer(LARS, emmas("AWAITING_CONSENT", Map.of("lineManagerId", "E-0002"))))
                .containsEntry("consent", true).containsEntry("onBehalf", false).containsEntry("withdraw", false);
        assertThat(MobilityActions.talentOffer(HANA, emmas("AWAITING_CONSENT", Map.of("lineManagerId", "E-0002"))))
                .containsEntry("consent", true).containsEntry("onBehalf", true);
        assertThat(MobilityActions.talentOffer(EMMA, emmas("PUBLISHED", Map.of("lineManagerId", "E-0002"))))
                .containsEntry("consent", false).containsEntry("withdraw", true);
        assertThat(MobilityActions.managesRequest(LARS, emmas("OPEN", Map.of("ownerId", "E-0002")))).isTrue();
        assertThat(MobilityActions.managesRequest(LARS, emmas("ASSIGNED", Map.of("ownerId", "E-0002")))).isFalse();
        assertThat(MobilityActions.managesRequest(EMMA, emmas("OPEN", Map.of("ownerId", "E-0002")))).isFalse();
        assertThat(MobilityActions.cancelsAssignment(LARS, emmas("ASSIGNED", Map.of("ownerId", "E-0002")))).isTrue();
        assertThat(MobilityActions.cancelsAssignment(HANA, emmas("ASSIGNED", Map.of("ownerId", "E-0002")))).isTrue();
        assertThat(MobilityActions.cancelsAssignment(LARS, emmas("OPEN", Map.of("ownerId", "E-0002")))).isFalse();
        assertThat(MobilityActions.cancelsAssignment(EMMA, emmas("ASSIGNED", Map.of("ownerId", "E-0002")))).isFalse();
    }
}

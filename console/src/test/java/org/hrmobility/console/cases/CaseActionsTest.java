package org.hrmobility.console.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hrmobility.console.api.Me;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CaseActionsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Me HANA = new Me("hana", "E-0001", "Hana Claes", List.of("HR_CASE_HANDLER", "EMPLOYEE"), "DEPT-WSE");
    static final Me LARS = new Me("lars", "E-0002", "Lars Peeters", List.of("LINE_MANAGER", "EMPLOYEE"), "DEPT-WSE");
    static final Me EMMA = new Me("emma", "E-0003", "Emma Peeters", List.of("EMPLOYEE"), "DEPT-WSE");
    static final Me DEPUTY = new Me("dirk", "E-0007", "Dirk", List.of("EMPLOYEE"), "DEPT-WSE");

    static Map<String, Object> caseOf(String status, Map<String, Object> guidance, int refusals, List<Map<String, Object>> offers) {
        Map<String, Object> c = new java.util.HashMap<>();
        c.put("status", status);
        c.put("employee", Map.of("employeeId", "E-0003", "lineManagerId", "E-0002"));
        c.put("guidance", guidance);
        c.put("refusals", refusals);
        c.put("offers", offers);
        return c;
    }

    static Map<String, Object> offer(String status, LocalDate respondBy) {
        return Map.of("id", "o-1", "status", status, "respondBy", respondBy.toString());
    }

    @Test
    @DisplayName("R-RED-1: an opened case: the line manager (or deputy) records the guidance; HR too, on the manager's behalf; admissibility waits until the trajectory has ended")
    void openedCase() {
        Map<String, Object> running = caseOf("OPENED", Map.of("from", "2026-06-01", "to", "2026-12-31"), 0, List.of());
        assertThat(CaseActions.of(LARS, running, TODAY, Set.of())).extracting(CaseActions::guidance, CaseActions::admissibility).containsExactly(true, false);
        assertThat(CaseActions.of(DEPUTY, running, TODAY, Set.of("E-0002")).relation()).isEqualTo("DEPUTY");
        assertThat(CaseActions.of(DEPUTY, running, TODAY, Set.of("E-0002")).guidance()).isTrue();
        CaseActions hr = CaseActions.of(HANA, running, TODAY, Set.of());
        assertThat(hr.guidance()).isTrue();
        assertThat(hr.onBehalf()).isTrue();
        assertThat(hr.admissibility()).isFalse();
        assertThat(hr.admissibilityWaitsFor()).isEqualTo("2026-12-31");

        Map<String, Object> ended = caseOf("OPENED", Map.of("from", "2026-03-01", "to", "2026-11-27"), 0, List.of());
        assertThat(CaseActions.of(HANA, ended, TODAY, Set.of()).admissibility()).isTrue();
        assertThat(CaseActions.of(LARS, ended, TODAY, Set.of()).admissibility()).as("admissibility is HR's").isFalse();
    }

    @Test
    @DisplayName("R-ACC-2: nobody decides on their own file: the employee sees no HR or line manager decision on their case")
    void ownFile() {
        CaseActions emma = CaseActions.of(EMMA, caseOf("OPENED", null, 0, List.of()), TODAY, Set.of());
        assertThat(emma.relation()).isEqualTo("SELF");
        assertThat(emma.any()).isFalse();
        Me hanaAsSubject = new Me("hana", "E-0003", "x", List.of("HR_CASE_HANDLER"), "DEPT-WSE");
        assertThat(CaseActions.of(hanaAsSubject, caseOf("IN_POOL", null, 0, List.of()), TODAY, Set.of()).offer()).isFalse();
    }

    @Test
    @DisplayName("R-RED-5/R-RED-4: in the pool HR makes one offer at a time; after two refusals the next places ex officio; the employee answers an open offer until its deadline, HR on their behalf")
    void offersAndAnswers() {
        CaseActions noOffer = CaseActions.of(HANA, caseOf("IN_POOL", null, 2, List.of()), TODAY, Set.of());
        assertThat(noOffer.offer()).isTrue();
        assertThat(noOffer.exOfficioNext()).isTrue();
        assertThat(CaseActions.of(HANA, caseOf("IN_POOL", null, 1, List.of()), TODAY, Set.of()).exOfficioNext()).isFalse();

        Map<String, Object> open = caseOf("IN_POOL", null, 0, List.of(offer("OPEN", TODAY)));
        CaseActions hr = CaseActions.of(HANA, open, TODAY, Set.of());
        assertThat(hr.offer()).as("one open offer at a time").isFalse();
        assertThat(hr.cancelOffer()).isTrue();
        assertThat(hr.answer()).isTrue();
        assertThat(CaseActions.of(EMMA, open, TODAY, Set.of()).answer()).isTrue();
        assertThat(CaseActions.of(LARS, open, TODAY, Set.of()).answer()).as("the line manager does not answer offers").isFalse();
        Map<String, Object> late = caseOf("IN_POOL", null, 0, List.of(offer("OPEN", TODAY.minusDays(1))));
        assertThat(CaseActions.of(EMMA, late, TODAY, Set.of()).answer()).as("past the deadline it counts as a refusal").isFalse();
    }

    @Test
    @DisplayName("R-COR-1/R-COR-2: HR closes an active case and reopens a closed one; a placed case is neither")
    void corrections() {
        assertThat(CaseActions.of(HANA, caseOf("INTERNAL_TRAJECTORY", null, 0, List.of()), TODAY, Set.of()).close()).isTrue();
        CaseActions closed = CaseActions.of(HANA, caseOf("CLOSED", null, 0, List.of()), TODAY, Set.of());
        assertThat(closed.reopen()).isTrue();
        assertThat(closed.close()).isFalse();
        assertThat(CaseActions.of(HANA, caseOf("PLACED", null, 0, List.of()), TODAY, Set.of()).any()).isFalse();
        assertThat(CaseActions.of(LARS, caseOf("CLOSED", null, 0, List.of()), TODAY, Set.of()).reopen()).isFalse();
    }
}

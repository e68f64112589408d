package org.hrmobility.redeployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.workbench.DeputyNamed;
import org.hrmobility.contracts.workbench.WorkbenchEvents;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.TestEvents;
import org.hrmobility.kit.test.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedeploymentAccessIT extends RedeploymentApiTest {

    private Map<String, Object> guidance() {
        return Map.of("from", LocalDate.now(CalendarDays.ZONE).minusMonths(6).toString(), "to", LocalDate.now(CalendarDays.ZONE).minusDays(1).toString(),
                "actions", List.of("coaching"));
    }

    @Test
    @DisplayName("R-ACC-1: when master data names a new line manager, the former one loses the case (404, not listed) and the new one sees and acts on it; older master data arriving late changes nothing")
    void newLineManager() {
        people.addOtherManager();
        String caseId = api.openCase(api.emmaId);
        api.get(api.lars, "/cases/" + caseId).expectStatus().isOk();

        people.newLineManager(api.emmaId, people.otherManagerId(), Instant.now());

        api.get(api.lars, "/cases/" + caseId).expectStatus().isNotFound();
        api.get(api.lars, "/cases").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        api.post(api.lars, "/cases/" + caseId + "/guidance-trajectory", guidance()).expectStatus().isNotFound();
        api.get(api.otherManager, "/cases").expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(caseId);
        api.post(api.otherManager, "/cases/" + caseId + "/guidance-trajectory", guidance()).expectStatus().isOk();

        people.newLineManager(api.emmaId, api.managerId, Instant.now().minus(Duration.ofDays(1)));
        api.get(api.lars, "/cases/" + caseId).expectStatus().isNotFound();
        api.get(api.otherManager, "/cases/" + caseId).expectStatus().isOk();
    }

    @Test
    @DisplayName("R-ACC-2: HR records the line manager's guidance on the manager's behalf, with a reason, and the history says so; without a reason it is refused")
    void onBehalfOfTheManager() {
        String caseId = api.openCase(api.emmaId);
        api.post(api.hana, "/cases/" + caseId + "/guidance-trajectory", guidance()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("https://hrmobility.org/problems/reason-required");

        Map<String, Object> withReason = new java.util.HashMap<>(guidance());
        withReason.put("reason", "Lars is on sick leave; recorded from his notes");
        api.post(api.hana, "/cases/" + caseId + "/guidance-trajectory", withReason).expectStatus().isOk();

        api.get(api.hana, "/cases/" + caseId + "/history").expectBody()
                .jsonPath("$[?(@.capacity == 'ON_BEHALF')].onBehalfOf").isEqualTo(List.of(api.managerId));
    }

    @Test
    @DisplayName("R-ACC-3: a deputy named for a period acts on the manager's reports during it, recorded as deputy on the manager's behalf; before and after it, nothing")
    void deputyForAPeriod() {
        String caseId = api.openCase(api.emmaId);
        String deputyId = "D-" + api.entity;
        String deputy = TestTokens.forEmployee(deputyId, api.entity, Role.EMPLOYEE);
        api.get(deputy, "/cases/" + caseId).expectStatus().isNotFound();

        LocalDate today = LocalDate.now(CalendarDays.ZONE);
        name(deputyId, today.minusDays(1), today.plusDays(6));

        api.get(deputy, "/cases/" + caseId).expectStatus().isOk();
        api.post(deputy, "/cases/" + caseId + "/guidance-trajectory", guidance()).expectStatus().isOk();
        api.get(api.hana, "/cases/" + caseId + "/history").expectBody()
                .jsonPath("$[?(@.capacity == 'DEPUTY')].onBehalfOf").isEqualTo(List.of(api.managerId));

        clock.advance(Duration.ofDays(7));
        api.get(deputy, "/cases/" + caseId).expectStatus().isNotFound();
        api.get(deputy, "/cases").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    @DisplayName("a line manager's token without employee_id sees no case, not every case of employees without a manager")
    void managerTokenWithoutEmployeeId() {
        api.openCase(api.emmaId);
        String anonymousManager = TestTokens.forClient("manager-without-employee-id", Role.LINE_MANAGER);
        api.get(anonymousManager, "/cases").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    private void name(String deputyId, LocalDate from, LocalDate to) {
        String delegation = UUID.randomUUID().toString();
        try (TestEvents events = new TestEvents(bootstrap)) {
            events.publish(Topics.WORKBENCH_EVENTS, api.managerId, WorkbenchEvents.DEPUTY_NAMED,
                    new DeputyNamed(delegation, api.managerId, deputyId, api.entity, from, to, "leave"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("select count(*) from hrm_kit.deputy where deputy_id = :d")
                .bind("d", deputyId).map(r -> r.get(0, Long.class)).one().block() > 0);
    }
}

package org.hrmobility.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.test.ServiceApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EvaluationAccessIT extends ServiceApiTest {

    private final LocalDate today = LocalDate.now(CalendarDays.ZONE);

    @Override
    protected String api() {
        return "/api/evaluations";
    }

    @Test
    @DisplayName("R-ACC-1: a follow-up goes with the employee to the new line manager: the former one gets 404 and cannot evaluate, the new one acts; late older master data changes nothing")
    void newLineManager() {
        people.addOtherManager();
        post(people.lars, "", evaluation(people.ezraId, "INSUFFICIENT")).expectStatus().isCreated();
        get(people.lars, "/follow-ups/" + people.ezraId).expectStatus().isOk();

        people.newLineManager(people.ezraId, people.otherManagerId(), Instant.now());

        get(people.lars, "/follow-ups/" + people.ezraId).expectStatus().isNotFound();
        get(people.lars, "/follow-ups").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        post(people.lars, "/follow-ups/" + people.ezraId + "/guidance-actions", Map.of("action", "talk")).expectStatus().isNotFound();
        post(people.otherManager, "/follow-ups/" + people.ezraId + "/guidance-actions", Map.of("action", "performance talk"))
                .expectStatus().isOk();

        people.newLineManager(people.ezraId, people.managerId, Instant.now().minusSeconds(3600));
        get(people.lars, "/follow-ups/" + people.ezraId).expectStatus().isNotFound();
    }

    @Test
    @DisplayName("R-ACC-2: a line manager who is the subject of a follow-up cannot record its guidance; nobody decides on their own file")
    void nobodyDecidesOnTheirOwnFile() {
        post(people.hana, "", evaluation(people.hanaId, "INSUFFICIENT")).expectStatus().isEqualTo(403)
                .expectBody().jsonPath("$.rule").isEqualTo("R-ACC-2");
    }

    private Map<String, Object> evaluation(String employeeId, String rating) {
        return Map.of("employeeId", employeeId, "periodFrom", today.minusYears(1).toString(),
                "periodTo", today.minusDays(1).toString(), "evaluatedOn", today.toString(), "rating", rating);
    }
}

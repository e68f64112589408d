package org.hrmobility.mobility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.test.ServiceApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MobilityAccessIT extends ServiceApiTest {

    private final LocalDate today = LocalDate.now(CalendarDays.ZONE);

    @Override
    protected String api() {
        return "/api/mobility";
    }

    @Test
    @DisplayName("R-ACC-1: a talent offer waiting for consent goes with the employee to the new line manager: the former one gets 404, the new one consents")
    void newLineManager() {
        people.addOtherManager();
        String offer = created(post(people.emma, "/talent-offers", Map.of("skills", List.of("gis"), "sharePercent", 20,
                "from", today.plusDays(10).toString(), "to", today.plusMonths(3).toString())));
        get(people.lars, "/talent-offers/" + offer).expectStatus().isOk();

        people.newLineManager(people.emmaId, people.otherManagerId(), Instant.now());

        get(people.lars, "/talent-offers/" + offer).expectStatus().isNotFound();
        post(people.lars, "/talent-offers/" + offer + "/consent", Map.of("given", true)).expectStatus().isNotFound();
        post(people.otherManager, "/talent-offers/" + offer + "/consent", Map.of("given", true)).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED");
    }

    @Test
    @DisplayName("R-ACC-2 and R-MOB-9: a line manager cannot grant an allowance to themselves")
    void noAllowanceForOneself() {
        post(people.lars, "/allowances", Map.of("employeeId", people.managerId, "reason", "extra tasks",
                "startsOn", today.plusDays(1).toString(), "endsOn", today.plusMonths(3).toString()))
                .expectStatus().isEqualTo(403).expectBody().jsonPath("$.rule").isEqualTo("R-ACC-2");
    }
}

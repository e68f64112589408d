package org.hrmobility.mobility;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.test.ServiceApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MobilityHttpContractIT extends ServiceApiTest {

    private final LocalDate today = LocalDate.now(CalendarDays.ZONE);

    @Override
    protected String api() {
        return "/api/mobility";
    }

    @Test
    @DisplayName("R-MOB-8: a talent offer answers its version as ETag; consent with a stale If-Match is refused with 412")
    void ifMatch() {
        String offer = created(post(people.emma, "/talent-offers", talents("gis")));
        contract(people.lars).ifMatch("/talent-offers/" + offer, "/talent-offers/" + offer + "/consent", Map.of("given", true));
    }

    @Test
    @DisplayName("R-MOB-8: publishing a talent offer with an Idempotency-Key: a retry replays it, another body is 422, a burst publishes one")
    void idempotencyKey() {
        contract(people.emma).idempotencyKey("/talent-offers", talents("gis"), talents("data-analysis"),
                () -> db.sql("select count(*) from talent_offer where subject_id = :employee").bind("employee", people.emmaId)
                        .map(row -> row.get(0, Long.class)).one().block());
    }

    private Map<String, Object> talents(String skill) {
        return Map.of("skills", List.of(skill), "sharePercent", 20, "from", today.plusDays(10).toString(),
                "to", today.plusMonths(3).toString(), "title", "Spare time for " + skill);
    }
}

package org.hrmobility.evaluation;

import java.time.LocalDate;
import java.util.Map;

import org.hrmobility.kit.domain.CalendarDays;
import org.hrmobility.kit.test.ServiceApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EvaluationHttpContractIT extends ServiceApiTest {

    private final LocalDate today = LocalDate.now(CalendarDays.ZONE);

    @Override
    protected String api() {
        return "/api/evaluations";
    }

    @Test
    @DisplayName("R-EVA-3: a follow-up answers its version as ETag; a guidance action with a stale If-Match is refused with 412")
    void ifMatch() {
        post(people.lars, "", evaluation(people.ezraId, "INSUFFICIENT")).expectStatus().isCreated();
        contract(people.lars).ifMatch("/follow-ups/" + people.ezraId, "/follow-ups/" + people.ezraId + "/guidance-actions",
                Map.of("action", "performance talk"));
    }

    @Test
    @DisplayName("R-EVA-1: recording an evaluation with an Idempotency-Key: a retry replays it, another body is 422, a burst records one")
    void idempotencyKey() {
        contract(people.lars).idempotencyKey("", evaluation(people.emmaId, "GOOD"), evaluation(people.ezraId, "VERY_GOOD"),
                () -> db.sql("select coalesce(sum(cardinality(evaluation_ids)), 0) from evaluation_file where entity = :entity")
                        .bind("entity", people.entity).map(row -> ((Number) row.get(0)).longValue()).one().block());
    }

    private Map<String, Object> evaluation(String employeeId, String rating) {
        return Map.of("employeeId", employeeId, "periodFrom", today.minusYears(1).toString(),
                "periodTo", today.minusDays(1).toString(), "evaluatedOn", today.toString(), "rating", rating);
    }
}

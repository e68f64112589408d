package org.hrmobility.redeployment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.domain.CalendarDays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedeploymentHttpContractIT extends RedeploymentApiTest {

    @Test
    @DisplayName("a case answers its version as ETag; guidance recorded with a stale If-Match is refused with 412 and changes nothing")
    void ifMatch() {
        String caseId = api.openCase(api.emmaId);
        contract(api.lars).ifMatch("/cases/" + caseId, "/cases/" + caseId + "/guidance-trajectory",
                Map.of("from", LocalDate.now(CalendarDays.ZONE).minusMonths(6).toString(), "to", LocalDate.now(CalendarDays.ZONE).minusDays(1).toString(),
                        "actions", List.of("coaching")));
    }

    @Test
    @DisplayName("opening a case with an Idempotency-Key: a retry replays the first answer, another body is 422, a burst opens one case")
    void idempotencyKey() {
        contract(api.hana).idempotencyKey("/cases", Map.of("employeeId", api.emmaId), Map.of("employeeId", api.ezraId),
                () -> db.sql("select count(*) from redeployment_case where entity = :entity").bind("entity", api.entity)
                        .map(row -> row.get(0, Long.class)).one().block());
    }
}

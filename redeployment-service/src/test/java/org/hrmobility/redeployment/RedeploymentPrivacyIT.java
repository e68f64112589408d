package org.hrmobility.redeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.hrmobility.kit.privacy.Retention;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class RedeploymentPrivacyIT extends RedeploymentApiTest {

    @Autowired
    Retention retention;

    @Test
    @DisplayName("R-PRV-1: the subject-access export holds the person's cases with their history, master data and acts; HR only; the export itself is in the history")
    void subjectAccess() {
        String caseId = api.caseInPool(api.emmaId);
        api.get(api.lars, "/privacy/subject-access/" + api.emmaId).expectStatus().isForbidden();
        api.get(api.emma, "/privacy/subject-access/" + api.emmaId).expectStatus().isForbidden();

        Map<?, ?> export = api.get(api.hana, "/privacy/subject-access/" + api.emmaId).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(export.get("service")).isEqualTo("redeployment-service");
        List<?> records = (List<?>) export.get("records");
        assertThat(records).hasSize(1);
        Map<?, ?> record = (Map<?, ?>) records.get(0);
        assertThat(record.get("id")).isEqualTo(caseId);
        assertThat(actions((List<?>) record.get("history"))).contains("case opened", "guidance trajectory recorded");
        assertThat((List<?>) export.get("masterData")).hasSize(1);

        Map<?, ?> larsExport = api.get(api.hana, "/privacy/subject-access/" + api.managerId).expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(actions((List<?>) larsExport.get("acts"))).contains("guidance trajectory recorded");

        assertThat(db.sql("select count(*) from hrm_kit.audit_entry where aggregate_type = 'subject-access' and aggregate_id = :id")
                .bind("id", api.emmaId).map(r -> r.get(0, Long.class)).one().block()).isEqualTo(1);
    }

    @Test
    @DisplayName("R-PRV-2: a case closed longer ago than its retention is deleted with its history by the daily job, which records what it did; open and recent cases stay")
    void retention() {
        String closed = api.openCase(api.emmaId);
        api.post(api.hana, "/cases/" + closed + "/closure", Map.of("reason", "left the administration")).expectStatus().isOk();
        String open = api.openCase(api.ezraId);

        db.sql("update redeployment_case set updated_at = now() - interval '6 years' where id = :id").bind("id", java.util.UUID.fromString(closed))
                .then().block();
        Map<String, Long> deleted = retention.apply().block();

        assertThat(deleted.get("redeployment-case")).isGreaterThanOrEqualTo(1);
        api.get(api.hana, "/cases/" + closed).expectStatus().isNotFound();
        api.get(api.hana, "/cases/" + open).expectStatus().isOk();
        assertThat(db.sql("select count(*) from hrm_kit.audit_entry where aggregate_id = :id").bind("id", closed)
                .map(r -> r.get(0, Long.class)).one().block()).isZero();
        assertThat(db.sql("select count(*) from hrm_kit.audit_entry where aggregate_type = 'retention' and action like 'retention: deleted%'")
                .map(r -> r.get(0, Long.class)).one().block()).isPositive();
    }

    private static List<Object> actions(List<?> lines) {
        return lines.stream().map(line -> ((Map<?, ?>) line).get("action")).map(Object.class::cast).toList();
    }
}

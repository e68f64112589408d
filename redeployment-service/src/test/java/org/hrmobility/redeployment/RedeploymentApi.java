package org.hrmobility.redeployment;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.employee.ContractType;
import org.hrmobility.contracts.employee.EmployeeEvents;
import org.hrmobility.contracts.employee.EmployeeUpserted;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.TestEvents;
import org.hrmobility.kit.test.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The people of one test, with ids of their own (an entity, a case handler, a line manager and two of their
 * reports), and the API calls they make. Master data reaches the service the real way, over hrm.employees.
 */
final class RedeploymentApi {

    final String entity = "DEPT-" + UUID.randomUUID().toString().substring(0, 8);
    final String hana = TestTokens.forEmployee("H-" + entity, entity, Role.HR_CASE_HANDLER, Role.EMPLOYEE);
    final String managerId = "M-" + entity;
    final String lars = TestTokens.forEmployee(managerId, entity, Role.LINE_MANAGER, Role.EMPLOYEE);
    final String emmaId = "EM-" + entity;
    final String emma = TestTokens.forEmployee(emmaId, entity, Role.EMPLOYEE);
    final String ezraId = "EZ-" + entity;
    final String ezra = TestTokens.forEmployee(ezraId, entity, Role.EMPLOYEE);
    final String otherManager = TestTokens.forEmployee("OM-" + entity, entity, Role.LINE_MANAGER);
    final String bea = TestTokens.forEmployee("B-" + entity, entity, Role.HR_BUSINESS_PARTNER);
    final String jobpunt = TestTokens.forClient("jobpunt", Role.RECRUITMENT_SYSTEM);

    private final WebTestClient web;

    RedeploymentApi(WebTestClient web, DatabaseClient db, String bootstrap) {
        this.web = web;
        try (TestEvents events = new TestEvents(bootstrap)) {
            publish(events, employee(managerId, "A2", null));
            publish(events, employee(emmaId, "B2", managerId));
            publish(events, employee(ezraId, "C2", managerId));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> db.sql("select count(*) from employee where entity = :e")
                .bind("e", entity).map(r -> r.get(0, Long.class)).one().block() == 3);
    }

    private void publish(TestEvents events, EmployeeUpserted e) {
        events.publish(Topics.EMPLOYEES, e.employeeId(), EmployeeEvents.EMPLOYEE_UPSERTED, e);
    }

    EmployeeUpserted employee(String id, String grade, String lineManager) {
        return new EmployeeUpserted(id, "Name " + id, id + "@example.org", entity, grade, ContractType.STATUTORY, lineManager,
                "policy-advice", List.of("data-analysis", "writing"), "nl");
    }

    WebTestClient.ResponseSpec post(String token, String path, Object body) {
        return web.post().uri("/api/redeployment" + path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri("/api/redeployment" + path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).exchange();
    }

    String openCase(String employeeId) {
        return post(hana, "/cases", Map.of("employeeId", employeeId)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    void recordCompletedGuidance(String caseId) {
        post(lars, "/cases/" + caseId + "/guidance-trajectory", Map.of("from", LocalDate.now().minusMonths(6).toString(),
                "to", LocalDate.now().minusDays(1).toString(), "actions", List.of("coaching", "training")))
                .expectStatus().isOk();
    }

    String caseInPool(String employeeId) {
        String caseId = openCase(employeeId);
        recordCompletedGuidance(caseId);
        post(hana, "/cases/" + caseId + "/admissibility", Map.of("redeployable", true, "motivation", "broad profile"))
                .expectStatus().isOk();
        return caseId;
    }

    WebTestClient.ResponseSpec offer(String caseId, String grade) {
        return post(hana, "/cases/" + caseId + "/offers",
                Map.of("title", "Adviser " + grade, "entity", entity, "grade", grade, "jobFamily", "policy-advice"));
    }

    /** Makes an inline offer and returns its id. */
    String offerId(String caseId, String grade) {
        Map<?, ?> body = offer(caseId, grade).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        List<?> offers = (List<?>) body.get("offers");
        return ((Map<?, ?>) offers.get(offers.size() - 1)).get("id").toString();
    }

    void refuse(String token, String caseId, String offerId) {
        post(token, "/cases/" + caseId + "/offers/" + offerId + "/refusal", Map.of("reason", "too far from home"))
                .expectStatus().isOk();
    }
}

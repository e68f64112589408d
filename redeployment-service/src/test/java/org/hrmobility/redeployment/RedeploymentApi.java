package org.hrmobility.redeployment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hrmobility.kit.test.TestPeople;
import org.hrmobility.kit.test.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The API calls of the redeployment tests, made by the {@link TestPeople} of one test.
 */
final class RedeploymentApi {

    final String entity;
    final String hana;
    final String managerId;
    final String lars;
    final String emmaId;
    final String emma;
    final String ezraId;
    final String ezra;
    final String otherManager;
    final String bea;
    final String jobpunt;

    private final WebTestClient web;

    RedeploymentApi(WebTestClient web, TestPeople people) {
        this.web = web;
        entity = people.entity;
        hana = people.hana;
        managerId = people.managerId;
        lars = people.lars;
        emmaId = people.emmaId;
        emma = people.emma;
        ezraId = people.ezraId;
        ezra = people.ezra;
        otherManager = people.otherManager;
        bea = people.bea;
        jobpunt = people.jobpunt;
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

package org.hrmobility.redeployment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.kit.domain.CalendarDays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Each refusal over HTTP, with its status, problem type and rule id. */
class RedeploymentRefusalsIT extends RedeploymentApiTest {

    private static final String PROBLEMS = "https://hrmobility.org/problems/";



    @Test
    @DisplayName("400: a guidance trajectory without actions or ending before it starts, an offer without a position")
    void badRequests() {
        String caseId = api.openCase(api.emmaId);
        api.post(api.lars, "/cases/" + caseId + "/guidance-trajectory", Map.of("from", "2026-05-01", "to", "2026-04-01",
                        "actions", List.of()))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "validation")
                .jsonPath("$.errors[?(@.field == 'actions')]").exists()
                .jsonPath("$.errors[?(@.message == 'the trajectory cannot end before it starts' && !@.field)]").exists();
        String inPool = api.caseInPool(api.ezraId);
        api.post(api.hana, "/cases/" + inPool + "/offers", Map.of("title", "Adviser")).expectStatus().isBadRequest();
        api.post(api.hana, "/cases/" + inPool + "/offers", Map.of("title", "x", "entity", "y", "grade", "Z9"))
                .expectStatus().isBadRequest();
        api.post(api.hana, "/cases/" + inPool + "/offers/" + UUID.randomUUID() + "/refusal", Map.of())
                .expectStatus().isBadRequest();
    }

    @Test
    @DisplayName("404: an unknown case, another employee's case, a case of another manager's report, an unknown vacancy")
    void notFound() {
        String caseId = api.openCase(api.emmaId);
        api.get(api.hana, "/cases/" + UUID.randomUUID()).expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "not-found");
        api.get(api.ezra, "/cases/" + caseId).expectStatus().isNotFound();
        api.post(api.otherManager, "/cases/" + caseId + "/guidance-trajectory", Map.of("from", "2026-01-01",
                "to", "2026-02-01", "actions", List.of("coaching"))).expectStatus().isNotFound();
        api.post(api.otherManager, "/cases", Map.of("employeeId", api.ezraId)).expectStatus().isNotFound();
        String inPool = api.caseInPool(api.ezraId);
        api.post(api.hana, "/cases/" + inPool + "/offers", Map.of("vacancyId", "NO-SUCH-VACANCY")).expectStatus().isNotFound();
    }

    @Test
    @DisplayName("403: nobody registers themselves (R-RED-1); a line manager does not decide admissibility; employees publish no vacancies")
    void forbidden() {
        api.post(api.lars, "/cases", Map.of("employeeId", api.managerId)).expectStatus().isForbidden()
                .expectBody().jsonPath("$.rule").isEqualTo("R-RED-1");
        api.post(api.emma, "/cases", Map.of("employeeId", api.emmaId)).expectStatus().isForbidden();
        String caseId = api.openCase(api.emmaId);
        api.recordCompletedGuidance(caseId);
        api.post(api.lars, "/cases/" + caseId + "/admissibility", Map.of("redeployable", true, "motivation", "m"))
                .expectStatus().isForbidden();
        api.post(api.emma, "/vacancies", Map.of("vacancyId", "V1", "title", "t", "entity", "e", "grade", "B1"))
                .expectStatus().isForbidden();
    }

    @Test
    @DisplayName("409: a second open offer (R-RED-5), a second case for the same employee, a second admissibility decision")
    void conflicts() {
        String caseId = api.caseInPool(api.emmaId);
        // a blank vacancyId beside an inline position is no vacancy (it was looked up, and answered 404)
        api.post(api.hana, "/cases/" + caseId + "/offers", Map.of("vacancyId", " ", "title", "Adviser", "entity", api.entity,
                "grade", "B2")).expectStatus().isCreated();
        api.offer(caseId, "B1").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "offer-already-open")
                .jsonPath("$.rule").isEqualTo("R-RED-5");
        api.post(api.hana, "/cases", Map.of("employeeId", api.emmaId)).expectStatus().isEqualTo(409);
        api.post(api.hana, "/cases/" + caseId + "/admissibility", Map.of("redeployable", false, "motivation", "m"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    @DisplayName("422 R-RED-1: no registration without a completed guidance trajectory")
    void guidanceRequired() {
        String caseId = api.openCase(api.emmaId);
        api.post(api.hana, "/cases/" + caseId + "/admissibility", Map.of("redeployable", true, "motivation", "m"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "guidance-trajectory-required")
                .jsonPath("$.rule").isEqualTo("R-RED-1");
        api.post(api.lars, "/cases/" + caseId + "/guidance-trajectory", Map.of("from", LocalDate.now(CalendarDays.ZONE).minusMonths(1).toString(),
                "to", LocalDate.now(CalendarDays.ZONE).plusMonths(1).toString(), "actions", List.of("coaching"))).expectStatus().isOk();
        api.post(api.hana, "/cases/" + caseId + "/admissibility", Map.of("redeployable", true, "motivation", "m"))
                .expectStatus().isEqualTo(422);
    }

    @Test
    @DisplayName("422 R-RED-2 and R-RED-3: no offers in an internal trajectory; none of a higher grade")
    void offerRules() {
        String internal = api.openCase(api.ezraId);
        api.recordCompletedGuidance(internal);
        api.post(api.hana, "/cases/" + internal + "/admissibility", Map.of("redeployable", false, "motivation", "internal"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("INTERNAL_TRAJECTORY");
        api.offer(internal, "C1").expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("R-RED-2");

        String inPool = api.caseInPool(api.emmaId);
        api.offer(inPool, "B3").expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo(PROBLEMS + "offer-grade-too-high").jsonPath("$.rule").isEqualTo("R-RED-3");
    }

    @Test
    @DisplayName("422 R-RED-6: an offer for a withdrawn vacancy is refused")
    void withdrawnVacancy() {
        String vacancyId = "JP-W-" + api.entity;
        api.post(api.jobpunt, "/vacancies", Map.of("vacancyId", vacancyId, "title", "t", "entity", api.entity, "grade", "C1"))
                .expectStatus().isCreated();
        api.post(api.jobpunt, "/vacancies/" + vacancyId + "/withdrawal", Map.of()).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("WITHDRAWN");
        String caseId = api.caseInPool(api.emmaId);
        api.post(api.hana, "/cases/" + caseId + "/offers", Map.of("vacancyId", vacancyId)).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.rule").isEqualTo("R-RED-6");
    }
}

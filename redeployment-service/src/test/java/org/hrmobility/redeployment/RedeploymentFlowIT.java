package org.hrmobility.redeployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.Topics;
import org.hrmobility.contracts.redeployment.EmployeePlaced;
import org.hrmobility.contracts.redeployment.VacancyFilled;
import org.hrmobility.kit.test.EventCapture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RedeploymentFlowIT extends RedeploymentApiTest {

    @Test
    @DisplayName("happy path: opened, guidance, admitted, offered, accepted; the placement's events arrive on Kafka in order, once")
    void happyPath() {
        try (EventCapture events = EventCapture.fromNow(bootstrap, Topics.REDEPLOYMENT_EVENTS)) {
            String caseId = api.caseInPool(api.emmaId);
            String offerId = api.offerId(caseId, "B1");
            api.post(api.emma, "/cases/" + caseId + "/offers/" + offerId + "/acceptance", Map.of())
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("PLACED")
                    .jsonPath("$.placement.exOfficio").isEqualTo(false);

            List<ConsumerRecord<String, byte[]>> arrived = events.await(6, r -> r.key().equals(caseId), Duration.ofSeconds(30));
            assertThat(arrived).extracting(r -> EventCapture.header(r, "ce_type")).containsExactly(
                    "hrm.redeployment.CaseOpened.v1", "hrm.redeployment.GuidanceRecorded.v1",
                    "hrm.redeployment.AdmissibilityDecided.v1", "hrm.redeployment.OfferMade.v1",
                    "hrm.redeployment.EmployeePlaced.v1", "hrm.redeployment.CaseClosed.v1");
            assertThat(events.settle(r -> r.key().equals(caseId), Duration.ofMillis(500))).hasSize(6);
        }
    }

    @Test
    @DisplayName("R-RED-4 and R-RED-6: two refusals, then the third offer, for jobpunt's vacancy, places ex officio and fills it")
    void twoRefusalsThenPlacedExOfficio() {
        String vacancyId = "JP-" + api.entity;
        Map<String, Object> vacancy = Map.of("vacancyId", vacancyId, "title", "Adviser", "entity", api.entity, "grade", "C1",
                "jobFamily", "policy-advice", "competences", List.of("data-analysis"));
        api.post(api.jobpunt, "/vacancies", vacancy).expectStatus().isCreated()
                .expectHeader().location("/api/redeployment/vacancies/" + vacancyId);
        api.post(api.jobpunt, "/vacancies", vacancy).expectStatus().isOk();

        try (EventCapture events = EventCapture.fromNow(bootstrap, Topics.REDEPLOYMENT_EVENTS)) {
            String caseId = api.caseInPool(api.emmaId);
            api.refuse(api.emma, caseId, api.offerId(caseId, "B2"));
            api.refuse(api.hana, caseId, api.offerId(caseId, "B1"));

            api.get(api.jobpunt, "/vacancies/" + vacancyId + "/candidates").expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.employeeId == '" + api.emmaId + "')].sameJobFamily").isEqualTo(List.of(true));
            Map<?, ?> placed = api.post(api.hana, "/cases/" + caseId + "/offers", Map.of("vacancyId", vacancyId))
                    .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
            assertThat(placed.get("status")).isEqualTo("PLACED");
            assertThat(((Map<?, ?>) placed.get("placement")).get("exOfficio")).isEqualTo(true);
            assertThat(placed.get("refusals")).isEqualTo(2);

            String thirdOffer = ((Map<?, ?>) ((List<?>) placed.get("offers")).get(2)).get("id").toString();
            api.post(api.emma, "/cases/" + caseId + "/offers/" + thirdOffer + "/refusal", Map.of("reason", "no"))
                    .expectStatus().isEqualTo(422).expectBody().jsonPath("$.rule").isEqualTo("R-RED-4");
            api.get(api.jobpunt, "/vacancies/" + vacancyId).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FILLED");

            ConsumerRecord<String, byte[]> filled = events.await(1, r -> r.key().equals(vacancyId), Duration.ofSeconds(30)).get(0);
            assertThat(EventJson.read(filled.value(), VacancyFilled.class))
                    .isEqualTo(new VacancyFilled(vacancyId, "jobpunt", caseId, api.emmaId, true));
            ConsumerRecord<String, byte[]> placement = events.await(1, r -> r.key().equals(caseId)
                    && "hrm.redeployment.EmployeePlaced.v1".equals(EventCapture.header(r, "ce_type")), Duration.ofSeconds(30)).get(0);
            assertThat(EventJson.read(placement.value(), EmployeePlaced.class).exOfficio()).isTrue();
        }
    }

    @Test
    @DisplayName("history: every step with who, when and why, visible to the employee, the line manager and HR only")
    void history() {
        String caseId = api.caseInPool(api.emmaId);
        api.refuse(api.emma, caseId, api.offerId(caseId, "B2"));

        api.get(api.emma, "/cases/" + caseId + "/history").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(5)
                .jsonPath("$[0].action").isEqualTo("case opened")
                .jsonPath("$[1].actor").isEqualTo(api.managerId)
                .jsonPath("$[2].detail").isEqualTo("broad profile")
                .jsonPath("$[4].action").isEqualTo("offer 1 refused")
                .jsonPath("$[4].detail").isEqualTo("too far from home");
        api.get(api.lars, "/cases/" + caseId + "/history").expectStatus().isOk();
        api.get(api.ezra, "/cases/" + caseId + "/history").expectStatus().isNotFound();
        api.get(api.otherManager, "/cases/" + caseId).expectStatus().isNotFound();
    }

    @Test
    @DisplayName("lists are paged and show each user only the cases they may see")
    void listing() {
        api.openCase(api.emmaId);
        api.openCase(api.ezraId);

        api.get(api.lars, "/cases?size=50").expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.employeeId == '" + api.emmaId + "')]").exists()
                .jsonPath("$.items[?(@.employeeId == '" + api.ezraId + "')]").exists();
        api.get(api.emma, "/cases").expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].employeeId").isEqualTo(api.emmaId);
        api.get(api.otherManager, "/cases").expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(0);
        api.get(api.hana, "/cases?status=OPENED&size=1").expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.size").isEqualTo(1);
    }

    @Test
    @DisplayName("figures for the HR business partner of the entity: pool, placements, refusals")
    void figures() {
        String caseId = api.caseInPool(api.emmaId);
        api.refuse(api.emma, caseId, api.offerId(caseId, "B2"));
        api.caseInPool(api.ezraId);

        api.get(api.bea, "/figures").expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].entity").isEqualTo(api.entity)
                .jsonPath("$[0].poolSize").isEqualTo(2)
                .jsonPath("$[0].refusals").isEqualTo(1);
        api.get(api.emma, "/figures").expectStatus().isForbidden();
    }
}

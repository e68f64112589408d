package org.hrmobility.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.redeployment.OfferMade;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.contracts.redeployment.VacancyFilled;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.notification.webhook.HookReceiver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

class WebhookIT extends NotificationApiTest {

    private static final String FILLED = RedeploymentEvents.VACANCY_FILLED.ceType();
    private static final String OFFER_MADE = RedeploymentEvents.OFFER_MADE.ceType();

    private Map<String, Object> subscribe(String token, String url, String... types) {
        return post(token, "/webhooks", Map.of("url", url, "eventTypes", List.of(types), "contactEmail", "ops-" + people.entity + "@example.org"))
                .expectStatus().isCreated()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    private Map<String, Object> subscription(String token, Object id) {
        return get(token, "/webhooks/" + id).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
    }

    private OfferMade offer() {
        return new OfferMade(UUID.randomUUID().toString(), people.emmaId, people.managerId, people.entity, UUID.randomUUID().toString(),
                1, "Analyst", people.entity, "B1", null, java.time.LocalDate.of(2027, 3, 1), false);
    }

    private String vacancyFilled(String system) {
        VacancyFilled filled = new VacancyFilled("V-" + UUID.randomUUID(), system, UUID.randomUUID().toString(), people.emmaId, true);
        publish(RedeploymentEvents.VACANCY_FILLED, filled.vacancyId(), filled);
        return filled.vacancyId();
    }

    @Test
    @DisplayName("R-RED-6: an endpoint that fails twice then succeeds gets the filled vacancy exactly once, signed, with a delivery log of three attempts")
    void retriedUntilDelivered() {
        try (HookReceiver jobpunt = new HookReceiver(500, 503)) {
            Map<String, Object> subscription = subscribe(people.jobpunt, jobpunt.url(), FILLED);
            String secret = (String) subscription.get("secret");
            assertThat(secret).startsWith("whsec_");

            String vacancy = vacancyFilled("jobpunt");

            await().atMost(WAIT).until(() -> jobpunt.accepted().size() == 1);
            assertThat(jobpunt.received()).hasSize(3).allSatisfy(r -> assertThat(r.signedWith(secret)).isTrue())
                    .extracting(HookReceiver.Received::id).containsOnly(jobpunt.received().get(0).id());
            JsonNode body = EventJson.mapper().readTree(jobpunt.accepted().get(0).body());
            assertThat(body.get("type").asString()).isEqualTo(FILLED);
            assertThat(body.get("data").get("vacancyId").asString()).isEqualTo(vacancy);
            assertThat(body.get("data").get("exOfficio").asBoolean()).isTrue();

            List<Map<String, Object>> log = get(people.jobpunt, "/webhooks/" + subscription.get("id") + "/deliveries")
                    .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                    }).returnResult().getResponseBody();
            assertThat(log).singleElement().satisfies(d -> {
                assertThat(d.get("state")).isEqualTo("DELIVERED");
                List<Object> codes = ((List<?>) d.get("log")).stream().map(a -> ((Map<?, ?>) a).get("statusCode")).map(Object.class::cast).toList();
                assertThat(codes).containsExactly(500, 503, 200);
            });
            // the case handlers of the placed employee's entity are told in their shared inbox
            assertThat(awaitInbox(people.hana, ofType(RedeploymentEvents.VACANCY_FILLED))).singleElement()
                    .satisfies(n -> assertThat(n.get("title")).asString().contains(vacancy, "jobpunt"));
            // nothing more comes: the delivery is done
            await().during(java.time.Duration.ofMillis(800)).atMost(WAIT).until(() -> jobpunt.received().size() == 3);
        }
    }

    @Test
    @DisplayName("R-RED-6: a recruitment system hears only of its own vacancies, and may not follow anything else (403)")
    void recruitmentSystemFollowsOnlyItsOwnVacancies() {
        try (HookReceiver jobpunt = new HookReceiver()) {
            subscribe(people.jobpunt, jobpunt.url(), FILLED);

            vacancyFilled("selor");
            String own = vacancyFilled("jobpunt");

            await().atMost(WAIT).until(() -> !jobpunt.accepted().isEmpty());
            assertThat(jobpunt.received()).extracting(r -> EventJson.mapper().readTree(r.body()).get("data").get("vacancyId").asString())
                    .containsExactly(own);
        }
        post(people.jobpunt, "/webhooks", Map.of("url", "http://localhost:1/hook", "eventTypes", List.of(OFFER_MADE)))
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        post(people.emma, "/webhooks", Map.of("url", "http://localhost:1/hook", "eventTypes", List.of(FILLED)))
                .expectStatus().isForbidden();
        post(people.jobpunt, "/webhooks", Map.of("url", "ftp://localhost/hook", "eventTypes", List.of(FILLED)))
                .expectStatus().isBadRequest();
        post(people.jobpunt, "/webhooks", Map.of("url", "http://localhost:1/hook", "eventTypes", List.of("hrm.nothing.Happened.v1")))
                .expectStatus().isBadRequest();
    }

    @Test
    @DisplayName("Webhooks: a dead endpoint opens its circuit while another endpoint keeps receiving every event")
    void deadEndpointOpensTheCircuit() {
        String hr = TestTokens.forEmployee("HRS-" + people.entity, people.entity, Role.HR_CASE_HANDLER);
        try (HookReceiver healthy = new HookReceiver()) {
            Map<String, Object> dead = subscribe(hr, "http://localhost:9/hook", OFFER_MADE);
            Map<String, Object> alive = subscribe(people.hana, healthy.url(), OFFER_MADE);
            // a case handler's subscription delivers once another case handler of the entity approved it
            post(people.hana, "/webhooks/" + dead.get("id") + "/approval", Map.of()).expectStatus().isOk();
            post(hr, "/webhooks/" + alive.get("id") + "/approval", Map.of()).expectStatus().isOk();

            for (int i = 0; i < 6; i++) {
                OfferMade offer = offer();
                publish(RedeploymentEvents.OFFER_MADE, offer.caseId(), offer);
            }

            await().atMost(WAIT).until(() -> healthy.accepted().size() >= 6);
            await().atMost(WAIT).until(() -> "OPEN".equals(subscription(hr, dead.get("id")).get("circuit"))
                    || "HALF_OPEN".equals(subscription(hr, dead.get("id")).get("circuit")));
            // the healthy endpoint got each event once, whatever the dead one did
            assertThat(healthy.accepted()).extracting(HookReceiver.Received::id).doesNotHaveDuplicates();
        }
    }

    @Test
    @DisplayName("Webhooks: a subscription that keeps failing is paused and its owner told; resumed, the held deliveries follow")
    void failingSubscriptionIsPausedThenResumed() {
        try (HookReceiver flaky = new HookReceiver(500, 500, 500, 500, 500, 500)) {
            Map<String, Object> subscription = subscribe(people.jobpunt, flaky.url(), FILLED);

            vacancyFilled("jobpunt");
            vacancyFilled("jobpunt");

            await().atMost(WAIT).until(() -> "PAUSED".equals(subscription(people.jobpunt, subscription.get("id")).get("status")));
            assertThat(awaitInbox(people.jobpunt, n -> "hrm.notification.WebhookPaused.v1".equals(n.get("type"))))
                    .anyMatch(n -> n.get("link").toString().endsWith("/api/notifications/webhooks/" + subscription.get("id")));
            await().atMost(WAIT).until(() -> !TestMailServer.to("ops-" + people.entity + "@example.org").isEmpty());
            assertThat(flaky.accepted()).isEmpty();

            post(people.jobpunt, "/webhooks/" + subscription.get("id") + "/resumption", Map.of()).expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("ACTIVE");

            await().atMost(WAIT).until(() -> flaky.accepted().size() == 2);
        }
    }

    @Test
    @DisplayName("Webhooks: an owner sees only their own subscriptions; another's answers 404")
    void subscriptionsAreTheirOwners() {
        Map<String, Object> mine = subscribe(people.jobpunt, "http://localhost:9/hook", FILLED);
        String selor = TestTokens.forClient("selor-" + people.entity, Role.RECRUITMENT_SYSTEM);

        get(selor, "/webhooks/" + mine.get("id")).expectStatus().isNotFound();
        get(selor, "/webhooks").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        web.delete().uri(api() + "/webhooks/" + mine.get("id")).header("Authorization", TestTokens.bearer(selor)).exchange()
                .expectStatus().isNotFound();
        assertThat(subscription(people.jobpunt, mine.get("id")).get("secret")).isNull();
        web.delete().uri(api() + "/webhooks/" + mine.get("id")).header("Authorization", TestTokens.bearer(people.jobpunt)).exchange()
                .expectStatus().isNoContent();
        get(people.jobpunt, "/webhooks/" + mine.get("id")).expectStatus().isNotFound();
    }
}

package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.EventJson;
import org.hrmobility.contracts.redeployment.OfferMade;
import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.contracts.redeployment.VacancyFilled;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.TestTokens;
import org.hrmobility.notification.NotificationApiTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Webhooks as a way out of the suite, on the real broker and database: scope, four eyes, expiry and renewal, secret
 * rotation and encryption at rest, and problem+json for every refusal.
 */
class WebhookSecurityIT extends NotificationApiTest {

    private static final String FILLED = RedeploymentEvents.VACANCY_FILLED.ceType();
    private static final String OFFER_MADE = RedeploymentEvents.OFFER_MADE.ceType();
    private static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    @Autowired
    SecretResealing resealing;

    /** Another case handler of the test's entity. */
    private String secondCaseHandler() {
        return TestTokens.forEmployee("H2-" + people.entity, people.entity, Role.HR_CASE_HANDLER);
    }

    /** A recruitment system of this test's own, so no other test's subscriptions hear of its vacancies. */
    private String recruitmentSystem() {
        return TestTokens.forClient(recruiter(), Role.RECRUITMENT_SYSTEM);
    }

    private String recruiter() {
        return "rs-" + people.entity;
    }

    private Map<String, Object> subscribe(String token, String url, String... types) {
        return post(token, "/webhooks", Map.of("url", url, "eventTypes", List.of(types), "contactEmail", "ops-" + people.entity + "@example.org"))
                .expectStatus().isCreated().expectBody(MAP).returnResult().getResponseBody();
    }

    private Map<String, Object> subscription(String token, Object id) {
        return get(token, "/webhooks/" + id).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
    }

    private List<Map<String, Object>> deliveries(String token, Object id) {
        return get(token, "/webhooks/" + id + "/deliveries").expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    private WebTestClient.BodyContentSpec refused(WebTestClient.ResponseSpec response, int status) {
        return response.expectStatus().isEqualTo(status).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody();
    }

    private OfferMade offer(String entity) {
        return new OfferMade(UUID.randomUUID().toString(), people.emmaId, people.managerId, entity, UUID.randomUUID().toString(),
                1, "Analyst", people.entity, "B1", null, LocalDate.of(2027, 3, 1), false);
    }

    /** Publishes an offer about emma and waits until the service has consumed it (emma is told): its deliveries are queued by then. */
    private String offerMade(String entity) {
        OfferMade offer = offer(entity);
        String eventId = publish(RedeploymentEvents.OFFER_MADE, offer.caseId(), offer).id().toString();
        awaitInbox(people.emma, n -> OFFER_MADE.equals(n.get("type")) && String.valueOf(n.get("link")).contains(offer.caseId()));
        return eventId;
    }

    /** Publishes the filling of a vacancy of this recruitment system and waits until it is consumed (hana's team is told). */
    private String vacancyFilled(String system) {
        VacancyFilled filled = new VacancyFilled("V-" + UUID.randomUUID(), system, UUID.randomUUID().toString(), people.emmaId, true);
        publish(RedeploymentEvents.VACANCY_FILLED, filled.vacancyId(), filled);
        awaitInbox(people.hana, n -> String.valueOf(n.get("title")).contains(filled.vacancyId()));
        return filled.vacancyId();
    }

    private static String vacancyOf(HookReceiver.Received received) {
        return EventJson.mapper().readTree(received.body()).get("data").get("vacancyId").asString();
    }

    @Test
    @DisplayName("Security: a case handler's subscription sends nothing until a second case handler of the entity approves it; the one who asked cannot approve it (403) nor resume it (409)")
    void fourEyes() {
        try (HookReceiver receiver = new HookReceiver()) {
            Map<String, Object> asked = subscribe(people.hana, receiver.url(), OFFER_MADE);
            Object id = asked.get("id");
            assertThat(asked.get("status")).isEqualTo("PENDING_APPROVAL");
            assertThat(asked.get("entity")).isEqualTo(people.entity);
            assertThat((String) asked.get("secret")).startsWith("whsec_");
            // the case handlers of the entity are asked, in their shared inbox
            awaitInbox(secondCaseHandler(), n -> "hrm.notification.WebhookApprovalRequested.v1".equals(n.get("type")));

            offerMade(people.entity);
            assertThat(deliveries(people.hana, id)).isEmpty();

            refused(post(people.hana, "/webhooks/" + id + "/approval", Map.of()), 403).jsonPath("$.detail").value(String.class,
                    detail -> assertThat(detail).contains("another case handler"));
            refused(post(people.hana, "/webhooks/" + id + "/resumption", Map.of()), 409);
            // a case handler of another entity does not see it; people who are no case handler may not approve
            String elsewhere = TestTokens.forEmployee("H-ELSEWHERE-" + people.entity, "DEPT-ELSEWHERE-" + people.entity, Role.HR_CASE_HANDLER);
            get(elsewhere, "/webhooks/approvals").expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
            refused(post(elsewhere, "/webhooks/" + id + "/approval", Map.of()), 404);
            refused(post(people.lars, "/webhooks/" + id + "/approval", Map.of()), 403);

            String colleague = secondCaseHandler();
            get(colleague, "/webhooks/approvals").expectStatus().isOk().expectBody()
                    .jsonPath("$[0].id").isEqualTo(id.toString())
                    .jsonPath("$[0].requestedBy").isEqualTo(people.hanaId)
                    .jsonPath("$[0].secret").doesNotExist();
            post(colleague, "/webhooks/" + id + "/approval", Map.of()).expectStatus().isOk().expectBody()
                    .jsonPath("$.status").isEqualTo("ACTIVE")
                    .jsonPath("$.approvedBy").isEqualTo("H2-" + people.entity);
            refused(post(colleague, "/webhooks/" + id + "/approval", Map.of()), 409);

            String approvedEvent = offerMade(people.entity);
            await().atMost(WAIT).until(() -> !receiver.accepted().isEmpty());
            // only what came after the approval: the offer made while it waited was never queued
            await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> receiver.received().size() == 1);
            assertThat(receiver.received()).singleElement().satisfies(r -> {
                assertThat(r.id()).isEqualTo(approvedEvent);
                assertThat(r.signedWith((String) asked.get("secret"))).isTrue();
            });
        }
    }

    @Test
    @DisplayName("Security: a case handler's subscription hears only of decisions about their own entity, and may not follow vacancies filled (403); a token without entity may not subscribe (403)")
    void ownEntityOnly() {
        try (HookReceiver receiver = new HookReceiver()) {
            Object id = subscribe(people.hana, receiver.url(), OFFER_MADE).get("id");
            post(secondCaseHandler(), "/webhooks/" + id + "/approval", Map.of()).expectStatus().isOk();

            offerMade("DEPT-OTHER-" + people.entity);
            String own = offerMade(people.entity);

            await().atMost(WAIT).until(() -> !receiver.accepted().isEmpty());
            await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> receiver.received().size() == 1);
            assertThat(receiver.received()).extracting(HookReceiver.Received::id).containsExactly(own);
            assertThat(deliveries(people.hana, id)).singleElement().satisfies(d -> assertThat(d.get("eventId")).isEqualTo(own));
        }
        refused(post(people.hana, "/webhooks", Map.of("url", "http://localhost:1/hook", "eventTypes", List.of(FILLED))), 403)
                .jsonPath("$.type").value(String.class, type -> assertThat(type).endsWith("event-type-not-allowed"));
        String noEntity = TestTokens.forClient("H-NOENTITY-" + people.entity, Role.HR_CASE_HANDLER);
        refused(post(noEntity, "/webhooks", Map.of("url", "http://localhost:1/hook", "eventTypes", List.of(OFFER_MADE))), 403)
                .jsonPath("$.type").value(String.class, type -> assertThat(type).endsWith("webhooks-need-entity"));
    }

    @Test
    @DisplayName("Security: a subscription expires after its lifetime (its owner told, nothing queued or sent); renewed with a fresh token that still has the role, it delivers again; without the role, or for another entity, renewal is refused (403)")
    void expiryAndRenewal() {
        String system = recruitmentSystem();
        try (HookReceiver receiver = new HookReceiver()) {
            Map<String, Object> created = subscribe(system, receiver.url(), FILLED);
            Object id = created.get("id");
            assertThat(created.get("status")).isEqualTo("ACTIVE");
            assertThat(Instant.parse((String) created.get("expiresAt"))).isCloseTo(Instant.now().plus(90, ChronoUnit.DAYS),
                    org.assertj.core.api.Assertions.within(1, ChronoUnit.HOURS));
            String first = vacancyFilled(recruiter());
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);

            clock.advance(Duration.ofDays(91));
            await().atMost(WAIT).until(() -> "EXPIRED".equals(subscription(system, id).get("status")));
            awaitInbox(system, n -> "hrm.notification.WebhookExpired.v1".equals(n.get("type"))
                    && String.valueOf(n.get("link")).endsWith("/webhooks/" + id));
            String whileExpired = vacancyFilled(recruiter());
            refused(post(system, "/webhooks/" + id + "/resumption", Map.of()), 409);

            // the same client without its role, then with it
            refused(post(TestTokens.forClient(recruiter()), "/webhooks/" + id + "/renewal", Map.of()), 403);
            Map<String, Object> renewed = post(system, "/webhooks/" + id + "/renewal", Map.of()).expectStatus().isOk()
                    .expectBody(MAP).returnResult().getResponseBody();
            assertThat(renewed.get("status")).isEqualTo("ACTIVE");
            assertThat(Instant.parse((String) renewed.get("expiresAt"))).isAfter(clock.instant().plus(89, ChronoUnit.DAYS));

            String afterRenewal = vacancyFilled(recruiter());
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
            await().during(Duration.ofMillis(800)).atMost(WAIT).until(() -> receiver.received().size() == 2);
            assertThat(receiver.received()).extracting(WebhookSecurityIT::vacancyOf).containsExactly(first, afterRenewal)
                    .doesNotContain(whileExpired);
        }
        // a case handler renews only for the entity it was made for
        Object caseHandlers = subscribe(people.hana, "http://localhost:9/hook", OFFER_MADE).get("id");
        String moved = TestTokens.forEmployee(people.hanaId, "DEPT-MOVED-" + people.entity, Role.HR_CASE_HANDLER);
        refused(post(moved, "/webhooks/" + caseHandlers + "/renewal", Map.of()), 403)
                .jsonPath("$.type").value(String.class, type -> assertThat(type).endsWith("webhook-entity-changed"));
        post(people.hana, "/webhooks/" + caseHandlers + "/renewal", Map.of()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PENDING_APPROVAL");
    }

    @Test
    @DisplayName("Security: a rotated secret overlaps: deliveries carry both signatures for the overlap, then the new secret's only")
    void secretRotation() {
        String system = recruitmentSystem();
        try (HookReceiver receiver = new HookReceiver()) {
            Map<String, Object> created = subscribe(system, receiver.url(), FILLED);
            Object id = created.get("id");
            String old = (String) created.get("secret");

            Map<String, Object> rotated = post(system, "/webhooks/" + id + "/secret-rotation", Map.of()).expectStatus().isOk()
                    .expectBody(MAP).returnResult().getResponseBody();
            String fresh = (String) rotated.get("secret");
            assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
            assertThat(Instant.parse((String) rotated.get("previousSecretValidUntil"))).isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS),
                    org.assertj.core.api.Assertions.within(1, ChronoUnit.HOURS));
            assertThat(subscription(system, id).get("secret")).isNull();
            refused(post(TestTokens.forClient("other-" + people.entity, Role.RECRUITMENT_SYSTEM), "/webhooks/" + id + "/secret-rotation",
                    Map.of()), 404);

            vacancyFilled(recruiter());
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
            assertThat(receiver.accepted().get(0)).satisfies(r -> {
                assertThat(r.signatures()).isEqualTo(2);
                assertThat(r.signedWith(fresh)).isTrue();
                assertThat(r.signedWith(old)).isTrue();
            });

            clock.advance(Duration.ofHours(25));
            vacancyFilled(recruiter());
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 2);
            assertThat(receiver.accepted().get(1)).satisfies(r -> {
                assertThat(r.signatures()).isEqualTo(1);
                assertThat(r.signedWith(fresh)).isTrue();
                assertThat(r.signedWith(old)).isFalse();
            });
            assertThat(subscription(system, id).get("previousSecretValidUntil")).isNull();
        }
    }

    @Test
    @DisplayName("Security: signing secrets are stored encrypted; one stored in plain text before is encrypted at start and still signs")
    void secretsEncryptedAtRest() {
        String system = recruitmentSystem();
        try (HookReceiver receiver = new HookReceiver()) {
            Map<String, Object> created = subscribe(system, receiver.url(), FILLED);
            String stored = storedSecret(created.get("id"));
            assertThat(stored).startsWith("v1:").doesNotContain(((String) created.get("secret")).substring("whsec_".length()));
            web.delete().uri(api() + "/webhooks/" + created.get("id")).header("Authorization", TestTokens.bearer(system)).exchange()
                    .expectStatus().isNoContent();

            // a subscription as the service stored it before encryption at rest
            UUID legacy = UUID.randomUUID();
            String plain = WebhookSignature.newSecret();
            db.sql("""
                            insert into webhook_subscription (id, owner, owner_role, url, event_types, secret, status, created_at,
                                                              updated_at, expires_at)
                            values (:id, :owner, 'RECRUITMENT_SYSTEM', :url, :types, :secret, 'ACTIVE', now(), now(), now() + interval '90 days')""")
                    .bind("id", legacy).bind("owner", recruiter()).bind("url", receiver.url()).bind("types", new String[] {FILLED})
                    .bind("secret", plain).then().block();

            assertThat(resealing.resealAll().block()).isPositive();
            assertThat(storedSecret(legacy)).startsWith("v1:").doesNotContain(plain.substring("whsec_".length()));
            assertThat(resealing.resealAll().block()).isZero();

            vacancyFilled(recruiter());
            await().atMost(WAIT).until(() -> receiver.accepted().size() == 1);
            assertThat(receiver.accepted().get(0).signedWith(plain)).isTrue();
        }
    }

    @Test
    @DisplayName("Security: refusals answer problem+json (400, 403, 404, 409), never 500")
    void refusalsAreProblems() {
        String system = recruitmentSystem();
        Object mine = subscribe(system, "http://localhost:9/hook", FILLED).get("id");
        Object pending = subscribe(people.hana, "http://localhost:9/hook", OFFER_MADE).get("id");
        String stranger = TestTokens.forClient("stranger-" + people.entity, Role.RECRUITMENT_SYSTEM);

        refused(post(stranger, "/webhooks/" + mine + "/renewal", Map.of()), 404);
        refused(post(stranger, "/webhooks/" + mine + "/resumption", Map.of()), 404);
        refused(post(people.hana, "/webhooks/" + mine + "/approval", Map.of()), 404);
        refused(post(secondCaseHandler(), "/webhooks/" + mine + "/rejection", Map.of()), 404);
        refused(post(system, "/webhooks/" + UUID.randomUUID() + "/secret-rotation", Map.of()), 404);
        refused(post(system, "/webhooks/not-a-uuid/renewal", Map.of()), 400);
        refused(post(people.emma, "/webhooks/" + mine + "/renewal", Map.of()), 403);
        refused(get(people.emma, "/webhooks/approvals"), 403);
        refused(post(system, "/webhooks", Map.of("url", "http://user:pw@localhost:9/hook", "eventTypes", List.of(FILLED))), 400);
        refused(post(people.hana, "/webhooks/" + pending + "/resumption", Map.of()), 409);

        // a refused subscription is gone, and cannot be approved afterwards
        post(secondCaseHandler(), "/webhooks/" + pending + "/rejection", Map.of()).expectStatus().isNoContent();
        refused(get(people.hana, "/webhooks/" + pending), 404);
        refused(post(secondCaseHandler(), "/webhooks/" + pending + "/approval", Map.of()), 404);
    }

    private String storedSecret(Object id) {
        return db.sql("select secret from webhook_subscription where id = :id").bind("id", UUID.fromString(id.toString()))
                .map(row -> row.get(0, String.class)).one().block();
    }
}

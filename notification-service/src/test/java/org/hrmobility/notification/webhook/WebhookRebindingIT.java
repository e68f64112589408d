package org.hrmobility.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hrmobility.contracts.redeployment.RedeploymentEvents;
import org.hrmobility.contracts.redeployment.VacancyFilled;
import org.hrmobility.kit.security.Role;
import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.hrmobility.kit.test.TestEvents;
import org.hrmobility.kit.test.TestTokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * DNS rebinding, on the real broker and database, with the production address policy: unlike every other test of
 * this service, internal addresses are refused here (allow-private-addresses false), so this class runs its own
 * instance of the service, with its own database and consumer group (so it takes no events from the shared
 * instance), closed afterwards. Its resolver is scripted: a name answers a public address while the subscription is
 * checked, then 127.0.0.1, where the test's receiver listens. The name of the first endpoint is {@code localhost}
 * itself: any lookup that bypassed the checked resolver would reach the receiver.
 */
@ServiceIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@TestPropertySource(properties = {
        "hrm.devstack.database=notification_rebinding",
        "hrm.notification.webhooks.allow-private-addresses=false",
        "hrm.notification.webhooks.allowed-hosts=localhost,*.hooks.test",
        "spring.cloud.stream.bindings.employees-in-0.group=notification-rebinding",
        "spring.cloud.stream.bindings.deputies-in-0.group=notification-rebinding",
        "spring.cloud.stream.bindings.redeploymentEvents-in-0.group=notification-rebinding",
        "spring.cloud.stream.bindings.mobilityEvents-in-0.group=notification-rebinding",
        "spring.cloud.stream.bindings.evaluationEvents-in-0.group=notification-rebinding"})
class WebhookRebindingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String FILLED = RedeploymentEvents.VACANCY_FILLED.ceType();
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };

    /** The resolver of this instance: scripted answers, and nothing else resolves. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ScriptedDns {

        @Bean
        @Primary
        Fixtures.ScriptedResolver scriptedResolver() {
            return new Fixtures.ScriptedResolver();
        }
    }

    @Autowired
    WebTestClient web;
    @Autowired
    DatabaseClient db;
    @Autowired
    Fixtures.ScriptedResolver dns;
    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    private final String owner = "rebind-" + UUID.randomUUID();
    private final String system = TestTokens.forClient(owner, Role.RECRUITMENT_SYSTEM);

    private WebTestClient.ResponseSpec subscribe(String url) {
        return web.post().uri("/api/notifications/webhooks").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(system))
                .bodyValue(Map.of("url", url, "eventTypes", List.of(FILLED))).exchange();
    }

    private Object subscribed(String url) {
        return subscribe(url).expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private List<Map<String, Object>> deliveries(Object id) {
        return web.get().uri("/api/notifications/webhooks/" + id + "/deliveries").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(system))
                .exchange().expectStatus().isOk().expectBody(LIST).returnResult().getResponseBody();
    }

    @Test
    @DisplayName("Security: a webhook whose name rebinds to 127.0.0.1 (or adds it to its answer) after subscribing is never called, and its delivery log says only \"failed\"")
    void rebindingNameNeverCalled() {
        assertThat(db.sql("select current_database()").map(row -> row.get(0, String.class)).one().block()).isEqualTo("notification_rebinding");
        try (HookReceiver receiver = new HookReceiver()) {
            dns.answer("localhost", "93.184.215.14", "127.0.0.1");
            dns.answer("mixed.hooks.test", "93.184.215.14", "93.184.215.14, 127.0.0.1");
            Object rebinding = subscribed(receiver.url("localhost"));
            Object mixed = subscribed(receiver.url("mixed.hooks.test"));

            VacancyFilled filled = new VacancyFilled("V-" + UUID.randomUUID(), owner, UUID.randomUUID().toString(), "E-REBIND", true);
            try (TestEvents events = new TestEvents(bootstrap)) {
                events.publish(RedeploymentEvents.VACANCY_FILLED.topic(), filled.vacancyId(), RedeploymentEvents.VACANCY_FILLED, filled);
            }

            for (Object id : List.of(rebinding, mixed)) {
                // every attempt made, each refused: the delivery is given up
                List<Map<String, Object>> log = await().atMost(WAIT).until(() -> deliveries(id),
                        found -> found.size() == 1 && "FAILED".equals(found.get(0).get("state")));
                assertThat((List<?>) log.get(0).get("log")).hasSize(3).allSatisfy(attempt -> {
                    Map<?, ?> a = (Map<?, ?>) attempt;
                    assertThat(a.get("statusCode")).isNull();
                    assertThat(a.get("error")).isEqualTo("failed");
                    // nor how long it took: a refusal's time would tell it apart from a timeout
                    assertThat(a.get("millis")).isEqualTo(0);
                });
            }
            assertThat(receiver.received()).isEmpty();
            // the name was resolved again for the deliveries, not only when subscribing
            assertThat(dns.asked("localhost")).isGreaterThanOrEqualTo(4);
            assertThat(dns.asked("mixed.hooks.test")).isGreaterThanOrEqualTo(4);
        }
    }

    @Test
    @DisplayName("Security: with the production policy a name that resolves inside and an unknown name get the same 400, and addresses or hosts off the allowed list 403, as problems")
    void refusedWhenSubscribing() {
        dns.answer("inside.hooks.test", "10.0.0.7");
        String internal = subscribe("http://inside.hooks.test/hook").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody().get("detail").toString();
        String unknown = subscribe("http://unknown.hooks.test/hook").expectStatus().isBadRequest()
                .expectBody(Map.class).returnResult().getResponseBody().get("detail").toString();
        assertThat(internal.replace("inside", "X")).isEqualTo(unknown.replace("unknown", "X"));
        for (String url : List.of("http://127.0.0.1:8084/actuator", "http://[::ffff:169.254.169.254]/latest", "http://[fd00:ec2::254]/")) {
            subscribe(url).expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        dns.answer("public.elsewhere.example", "93.184.215.14");
        subscribe("https://public.elsewhere.example/hook").expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").value(String.class, type -> assertThat(type).endsWith("webhook-host-not-allowed"));
    }
}

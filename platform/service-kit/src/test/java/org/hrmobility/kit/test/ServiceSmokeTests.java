package org.hrmobility.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.hrmobility.kit.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service must do from its first day, inherited by each service's smoke test: come up ready on the
 * real broker and database, refuse anonymous API calls with problem+json, expose metrics with the relay's,
 * and describe its API.
 */
@ServiceIntegrationTest
public abstract class ServiceSmokeTests {

    @Autowired
    protected WebTestClient web;

    @Test
    @DisplayName("liveness and readiness are UP on the real Kafka and PostgreSQL")
    void healthy() {
        web.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    @DisplayName("an API call without a token is refused with 401 problem+json")
    void anonymousRefused() {
        web.get().uri("/api/anything").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @DisplayName("Prometheus metrics include the outbox relay's, for operators")
    void metrics() {
        // with request histograms the page grows past WebTestClient's default buffer of 256 KiB
        web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.forClient("ops", Role.OPERATOR)))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("hrm_outbox_leader", "hrm_outbox_backlog", "hrm_outbox_oldest_age_seconds"));
    }

    @Test
    @DisplayName("the OpenAPI description is served")
    void openApi() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openapi").exists();
    }
}

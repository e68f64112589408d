package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;


import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway's metrics on the API's port: an OPERATOR's only, with request-latency histograms. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
@AutoConfigureWebTestClient
class ActuatorIT {

    private static final StubService STUB = new StubService();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        STUB.standFor(registry, TestTokens.properties());
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    @Test
    @DisplayName("API8 security misconfiguration: /actuator/prometheus on the API's port is 401 without a token, 403 without the OPERATOR role, problem+json both")
    void metricsOnlyForOperators() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forPerson("hana", "E-1", "DEPT-WSE",
                        "HR_CASE_HANDLER", "EMPLOYEE")).exchange().expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/actuator/env").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forPerson("hana", "E-1", "DEPT-WSE",
                "EMPLOYEE")).exchange().expectStatus().isForbidden();
    }

    @Test
    @DisplayName("Operability: an operator's scrape has request-latency histograms, for every request (http.server.requests) and per route (spring.cloud.gateway.requests)")
    void latencyHistograms() {
        String scrape = scrapeAfterOneRead();
        assertThat(scrape).contains("http_server_requests_seconds_bucket{", "spring_cloud_gateway_requests_seconds_bucket{")
                .contains("routeId=\"redeployment\"");
    }

    @Test
    @DisplayName("Performance II: the gateway times a request once and once per route, not again per Spring Security filter chain, authentication and authorization (their observations are off at the edge)")
    void noSecurityObservations() {
        String scrape = scrapeAfterOneRead();
        assertThat(scrape).contains("http_server_requests_seconds_count{").doesNotContain("spring_security_");
    }

    /** An operator's scrape after one proxied read. */
    private String scrapeAfterOneRead() {
        web.get().uri("/api/redeployment/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forPerson("emma", "E-3", "DEPT-WSE",
                "EMPLOYEE")).exchange().expectStatus().isOk();
        return web.get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.forClient("prometheus",
                "OPERATOR")).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}

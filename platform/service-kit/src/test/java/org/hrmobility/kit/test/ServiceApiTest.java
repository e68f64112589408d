package org.hrmobility.kit.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's API tests: the service on the real broker and database, {@link TestPeople} of their own for each
 * test, a clock put back after each, and calls under the service's base path as one of those people.
 */
@ServiceIntegrationTest
public abstract class ServiceApiTest {

    @Autowired
    protected WebTestClient web;
    @Autowired
    protected DatabaseClient db;
    @Autowired
    protected MovableClock clock;
    @Value("${spring.kafka.bootstrap-servers}")
    protected String bootstrap;
    @Value("${local.server.port}")
    protected int port;

    protected TestPeople people;

    /** The API's base path, e.g. {@code /api/mobility}. */
    protected abstract String api();

    @BeforeEach
    void createPeople() {
        people = new TestPeople(db, bootstrap);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected WebTestClient.ResponseSpec post(String token, String path, Object body) {
        return web.post().uri(api() + path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).bodyValue(body).exchange();
    }

    protected WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri(api() + path).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)).exchange();
    }

    /** The kit's HTTP contract (ETag, If-Match, Idempotency-Key) checked on this service's API as {@code token}. */
    protected HttpContract contract(String token) {
        return new HttpContract("http://localhost:" + port + api(), token);
    }

    /** The id of what a 201 created; fails with the answer when it was not created. */
    protected String created(WebTestClient.ResponseSpec response) {
        Map<?, ?> body = response.expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body.get("id")).as("expected a created record, got %s", body).isNotNull();
        return body.get("id").toString();
    }
}

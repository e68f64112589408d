package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;

/** The gateway in front of stand-in services: each rule of its routing, security, resilience and operability. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class GatewayIT {

    private static final StubService STUB = new StubService();
    private static final int DEAD_PORT = freePort();

    @Autowired
    WebTestClient web;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("hrm.gateway.services.mobility", STUB::url);
        registry.add("hrm.gateway.services.redeployment", STUB::url);
        registry.add("hrm.gateway.services.notification", STUB::url);
        // nothing listens here: the evaluation service is down
        registry.add("hrm.gateway.services.evaluation", () -> "http://localhost:" + DEAD_PORT);
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("hrm.gateway.response-timeout", () -> "1s");
        registry.add("hrm.gateway.requests-per-second", () -> "2");
        registry.add("hrm.gateway.burst", () -> "10");
        registry.add("hrm.gateway.max-request-size", () -> "1KB");
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    private static String employee(String who) {
        return TestTokens.forPerson(who, "E-" + who, "DEPT-WSE", "EMPLOYEE");
    }

    private WebTestClient.ResponseSpec get(String token, String path) {
        return web.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    private Map<String, Object> json(WebTestClient.ResponseSpec response) {
        return response.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
        }).returnResult().getResponseBody();
    }

    @Test
    @DisplayName("Routing: each API goes to its service with the caller's token; identity headers a client sends are stripped")
    @SuppressWarnings("unchecked")
    void routesWithTokenAndStripsIdentityHeaders() {
        String token = employee("routing");
        Map<String, Object> echoed = json(web.get().uri("/api/redeployment/cases")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-User-Id", "E-0001").header("X-Roles", "HR_CASE_HANDLER").header("Remote-User", "hana")
                .header("X-Employee-Id", "E-0001").header("Accept-Language", "nl")
                .exchange().expectStatus().isOk());

        assertThat(echoed.get("path")).isEqualTo("/api/redeployment/cases");
        Map<String, Object> headers = (Map<String, Object>) echoed.get("headers");
        assertThat(headers.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(headers).doesNotContainKeys("x-user-id", "x-roles", "remote-user", "x-employee-id").containsKey("accept-language");
        assertThat(headers.get("traceparent")).asString().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        for (String api : List.of("/api/mobility/calls", "/api/notifications")) {
            assertThat(json(get(token, api).expectStatus().isOk()).get("path")).isEqualTo(api);
        }
    }

    @Test
    @DisplayName("Security: no token 401; a token expired, of another issuer or for another audience 401; all problem+json")
    void tokensAreValidatedBeforeRouting() {
        web.get().uri("/api/redeployment/cases").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        get(TestTokens.with("someone", TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().minusSeconds(120), "EMPLOYEE"), "/api/redeployment/cases")
                .expectStatus().isUnauthorized();
        get(TestTokens.with("someone", "https://elsewhere.example", TestTokens.AUDIENCE, Instant.now().plusSeconds(600), "EMPLOYEE"), "/api/redeployment/cases")
                .expectStatus().isUnauthorized();
        get(TestTokens.with("someone", TestTokens.ISSUER, "another-api", Instant.now().plusSeconds(600), "EMPLOYEE"), "/api/redeployment/cases")
                .expectStatus().isUnauthorized();
        get("not-a-jwt", "/api/me").expectStatus().isUnauthorized();
    }

    @Test
    @DisplayName("R-RED-6: only recruitment systems and case handlers publish vacancies; figures are for HR; others 403 problem+json")
    void routeRoles() {
        String vacancy = "{\"vacancyId\":\"V-1\"}";
        web.post().uri("/api/redeployment/vacancies").header(HttpHeaders.AUTHORIZATION, "Bearer " + employee("roles"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(vacancy).exchange()
                .expectStatus().isForbidden().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.post().uri("/api/redeployment/vacancies").header(HttpHeaders.AUTHORIZATION, "Bearer "
                        + TestTokens.forClient("jobpunt-roles", "RECRUITMENT_SYSTEM"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(vacancy).exchange().expectStatus().isOk();
        get(employee("roles"), "/api/mobility/figures").expectStatus().isForbidden();
        get(TestTokens.forPerson("bea-roles", "E-0005", "DEPT-WSE", "HR_BUSINESS_PARTNER"), "/api/mobility/figures").expectStatus().isOk();
        get(employee("roles"), "/api/notifications/webhooks").expectStatus().isForbidden();
        get(employee("roles"), "/actuator/prometheus").expectStatus().isForbidden();
        get(TestTokens.forClient("ops-roles", "OPERATOR"), "/actuator/prometheus").expectStatus().isOk();
    }

    @Test
    @DisplayName("/api/me answers who the token says the caller is")
    void me() {
        Map<String, Object> me = json(get(TestTokens.forPerson("hana", "E-0001", "DEPT-WSE", "HR_CASE_HANDLER", "EMPLOYEE"), "/api/me")
                .expectStatus().isOk());

        assertThat(me).containsEntry("subject", "hana").containsEntry("employeeId", "E-0001").containsEntry("entity", "DEPT-WSE")
                .containsEntry("name", "Test E-0001").containsEntry("roles", List.of("HR_CASE_HANDLER", "EMPLOYEE"));
    }

    @Test
    @DisplayName("Resilience: a service that does not answer gets a 503 problem naming it, and after repeated failures its breaker answers at once, while the other services work")
    void deadServiceBreaksOnlyItsRoutes() {
        String token = employee("breaker");
        Map<String, Object> problem = json(get(token, "/api/evaluations/follow-ups/E-1").expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON).expectHeader().valueEquals("Retry-After", "10"));
        assertThat(problem).containsEntry("service", "evaluation").containsEntry("type", "https://hrmobility.org/problems/service-unavailable")
                .containsEntry("instance", "/api/evaluations/follow-ups/E-1");
        for (int i = 0; i < 6; i++) {
            get(token, "/api/evaluations").expectStatus().isEqualTo(503);
        }

        long started = System.nanoTime();
        Map<String, Object> open = json(get(token, "/api/evaluations").expectStatus().isEqualTo(503));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        assertThat(open.get("detail")).asString().contains("stopped calling it");
        get(token, "/api/redeployment/cases").expectStatus().isOk();
    }

    @Test
    @DisplayName("Resilience: a service slower than the route's response timeout is answered 503 in about that time")
    void responseTimeout() {
        long started = System.nanoTime();
        Map<String, Object> problem = json(get(employee("slow"), "/api/redeployment/slow").expectStatus().isEqualTo(503));

        assertThat(problem.get("detail")).asString().contains("redeployment");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2800));
    }

    @Test
    @DisplayName("Resilience: many calls at once to a healthy service all pass (no bulkhead answers 503 for it)")
    void concurrentCallsPass() {
        WebClient client = WebClient.create("http://localhost:" + port);
        List<Integer> answered = Flux.range(0, 60)
                .flatMap(i -> client.get().uri("/api/mobility/steady").header(HttpHeaders.AUTHORIZATION, "Bearer " + employee("concurrent-" + i))
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 60)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(answered).hasSize(60).containsOnly(200);
    }

    @Test
    @DisplayName("Resilience: a service's 503 (busy) is passed on, not retried: retrying would only add to its load; a POST is never retried")
    void busyIsNotRetried() {
        STUB.flakyCalls.set(0);
        STUB.postCalls.set(0);
        get(employee("retry"), "/api/redeployment/flaky").expectStatus().isEqualTo(503);
        assertThat(STUB.flakyCalls.get()).isEqualTo(1);
        get(employee("retry"), "/api/redeployment/flaky").expectStatus().isOk();

        web.post().uri("/api/redeployment/flaky").header(HttpHeaders.AUTHORIZATION, "Bearer " + employee("retry"))
                .exchange().expectStatus().isEqualTo(503);
        assertThat(STUB.postCalls.get()).isEqualTo(1);
    }

    @Test
    @DisplayName("Limits: a client over its rate gets 429 problem+json with Retry-After; another client is not affected")
    void rateLimitPerClient() {
        String greedy = employee("greedy");
        int limited = 0;
        HttpHeaders refusal = null;
        for (int i = 0; i < 30; i++) {
            var result = get(greedy, "/api/redeployment/cases").returnResult(String.class);
            if (result.getStatus().value() == 429) {
                limited++;
                refusal = result.getResponseHeaders();
            }
        }
        // a burst of 10 and 2 a second: of 30 sent within a few seconds, at least 10 are refused
        assertThat(limited).isGreaterThanOrEqualTo(10);
        assertThat(refusal.getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Integer.parseInt(refusal.getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
        get(employee("modest"), "/api/redeployment/cases").expectStatus().isOk();
    }

    @Test
    @DisplayName("Limits: a body over the size limit is refused with 413 problem+json; one without a length with 411")
    void requestSizeLimit() {
        Map<String, Object> tooLarge = json(web.post().uri("/api/redeployment/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + employee("big"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"x\":\"" + "a".repeat(2000) + "\"}").exchange()
                .expectStatus().isEqualTo(413).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(tooLarge).containsEntry("type", "https://hrmobility.org/problems/request-too-large").containsEntry("status", 413)
                .containsEntry("instance", "/api/redeployment/cases");
        Map<String, Object> noLength = json(web.post().uri("/api/redeployment/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + employee("big"))
                .contentType(MediaType.APPLICATION_JSON).body(Flux.just("{\"x\":", "1}"), String.class).exchange()
                .expectStatus().isEqualTo(411).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(noLength).containsEntry("type", "https://hrmobility.org/problems/length-required");
    }

    @Test
    @DisplayName("Operability: a correlation id is accepted or generated, returned, passed on and logged; an unsafe one is replaced; tokens are never logged")
    @SuppressWarnings("unchecked")
    void correlationId(CapturedOutput output) {
        String token = employee("correlation");
        WebTestClient.ResponseSpec given = web.get().uri("/api/redeployment/cases").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Correlation-Id", "req-42").exchange().expectStatus().isOk().expectHeader().valueEquals("X-Correlation-Id", "req-42");
        assertThat(((Map<String, Object>) json(given).get("headers")).get("x-correlation-id")).isEqualTo("req-42");

        // without one, the correlation id is the trace id the service receives (and writes into Kafka with its events)
        Map<String, Object> traced = json(get(token, "/api/redeployment/cases").expectStatus().isOk());
        String generated = ((Map<String, Object>) traced.get("headers")).get("x-correlation-id").toString();
        assertThat(generated).matches("[0-9a-f]{32}");
        assertThat(((Map<String, Object>) traced.get("headers")).get("traceparent")).asString().contains("-" + generated + "-");
        String replaced = web.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Correlation-Id", "<script>").exchange().returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");
        assertThat(replaced).isNotEqualTo("<script>").matches("[0-9a-f]{32}");
        web.get().uri("/api/redeployment/cases").exchange().expectStatus().isUnauthorized().expectHeader().exists("X-Correlation-Id");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("GET /api/redeployment/cases 200", "GET /api/redeployment/cases 401"));
        get(token, "/api/evaluations/follow-ups/E-0003");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).contains("GET /api/evaluations/follow-ups/* 503"));
        assertThat(output.getOut()).doesNotContain("follow-ups/E-0003 ");
        assertThat(output.getOut()).doesNotContain(token).doesNotContain("onErrorDropped");
    }

    @Test
    @DisplayName("Security: CORS lets the configured browser origin call the API, and no other")
    void cors() {
        web.options().uri("/api/redeployment/cases").header(HttpHeaders.ORIGIN, "http://localhost:5173")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type").exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:5173");
        web.options().uri("/api/redeployment/cases").header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST").exchange().expectStatus().isForbidden();
    }

    @Test
    @DisplayName("Routing: the live notification stream passes unbuffered, beyond the response timeout")
    void streamPassesUnbuffered() {
        Flux<String> events = web.mutate().responseTimeout(Duration.ofSeconds(10)).build().get().uri("/api/notifications/stream")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + employee("stream")).accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody();
        long started = System.nanoTime();
        List<Long> arrivals = new java.util.ArrayList<>();
        List<String> data = events.doOnNext(e -> arrivals.add(System.nanoTime() - started)).collectList().block(Duration.ofSeconds(10));

        assertThat(data).containsExactly("first", "second");
        assertThat(Duration.ofNanos(arrivals.get(0))).isLessThan(Duration.ofMillis(1500));
        assertThat(Duration.ofNanos(arrivals.get(1))).isGreaterThan(Duration.ofMillis(1500));
    }

    @Test
    @DisplayName("Operability: health reports each service's state without the gateway's readiness depending on them; API docs of every service")
    void healthAndApiDocs() {
        String operator = TestTokens.forClient("ops-health", "OPERATOR");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> get(operator, "/actuator/health")
                .expectBody().jsonPath("$.components.services.components.redeployment.status").isEqualTo("UP")
                .jsonPath("$.components.services.components.evaluation.status").isEqualTo("DOWN"));
        web.get().uri("/actuator/health").exchange().expectBody().jsonPath("$.components").doesNotExist();
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/v3/api-docs/redeployment").exchange().expectStatus().isOk().expectBody().jsonPath("$.info.title").isEqualTo("stub");
        web.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

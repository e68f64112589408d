package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;

/** Overload without collapse: a service past its capacity is shed, not broken. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
class OverloadIT {

    private static final StubService STUB = new StubService();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        STUB.standFor(registry, TestTokens.properties());
        registry.add("hrm.gateway.response-timeout", () -> "1s");
        registry.add("hrm.gateway.max-in-flight", () -> "2");
        registry.add("hrm.gateway.requests-per-second", () -> "1000");
        registry.add("hrm.gateway.burst", () -> "1000");
    }

    @AfterAll
    static void stop() {
        STUB.close();
    }

    record Answer(int status, String body, String retryAfter) {
    }

    private List<Answer> concurrently(int n, String path) {
        WebClient client = WebClient.create("http://localhost:" + port);
        return Flux.range(0, n)
                .flatMap(i -> client.get().uri(path).header(HttpHeaders.AUTHORIZATION,
                                "Bearer " + TestTokens.forPerson("load-" + i, "E-load-" + i, "DEPT-WSE", "EMPLOYEE"))
                        .exchangeToMono(r -> r.bodyToMono(String.class).defaultIfEmpty("")
                                .map(b -> new Answer(r.statusCode().value(), b, r.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER)))), n)
                .collectList().block(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("past a service's capacity (requests in flight) the excess is answered 503 service-at-capacity with Retry-After: 1 at once")
    void excessIsShed() {
        List<Answer> answers = concurrently(6, "/api/redeployment/slow");
        assertThat(answers).filteredOn(a -> a.body().contains("service-at-capacity")).hasSize(4)
                .allMatch(a -> a.status() == 503 && "1".equals(a.retryAfter()));
    }

    @Test
    @DisplayName("slowness never opens the breaker: after a run of timeouts the service is called again at once, and answers")
    void timeoutsDoNotOpenTheBreaker() {
        for (int round = 0; round < 4; round++) {
            concurrently(2, "/api/redeployment/slow");
        }
        List<Answer> after = concurrently(1, "/api/redeployment/cases");
        assertThat(after).extracting(Answer::status).containsExactly(200);
    }
}

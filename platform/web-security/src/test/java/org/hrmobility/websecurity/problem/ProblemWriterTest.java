package org.hrmobility.websecurity.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class ProblemWriterTest {

    @Test
    @DisplayName("a problem is answered as problem+json, not cached: the RFC members in order, then the extensions")
    void writesProblemJson() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.post("/api/redeployment/cases/c-1/offers"));
        Problem problem = Problem.of(HttpStatus.UNPROCESSABLE_CONTENT, "offer-grade-too-high", "Offer grade too high",
                "An offer may not be of a higher grade.").with("rule", "R-RED-3").with("errors", List.of(Map.of("field", "grade")));

        ProblemWriter.write(exchange, problem).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(exchange.getResponse().getHeaders().getCacheControl()).isEqualTo("no-store");
        String json = exchange.getResponse().getBodyAsString().block();
        assertThat(json).startsWith("{\"type\":\"https://hrmobility.org/problems/offer-grade-too-high\",\"title\":\"Offer grade too high\","
                + "\"status\":422,\"detail\":\"An offer may not be of a higher grade.\",\"instance\":\"/api/redeployment/cases/c-1/offers\"");
        Map<String, Object> body = JsonMapper.builder().build().readValue(json, new TypeReference<Map<String, Object>>() {
        });
        assertThat(body).containsEntry("rule", "R-RED-3").containsEntry("errors", List.of(Map.of("field", "grade")));
    }

    @Test
    @DisplayName("a problem without detail leaves the member out; another instance can be named")
    void withoutDetail() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/fallback/evaluation"));

        ProblemWriter.write(exchange, Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable", null)
                .with("service", "evaluation"), "/api/evaluations").block();

        assertThat(exchange.getResponse().getBodyAsString().block()).isEqualTo("{\"type\":\"https://hrmobility.org/problems/service-unavailable\","
                + "\"title\":\"Service unavailable\",\"status\":503,\"instance\":\"/api/evaluations\",\"service\":\"evaluation\"}");
    }

    @Test
    @DisplayName("nothing is written over a response already committed")
    void committedResponse() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me"));
        exchange.getResponse().setStatusCode(HttpStatus.OK);
        exchange.getResponse().setComplete().block();

        ProblemWriter.write(exchange, Problem.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "No.")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.OK);
    }
}

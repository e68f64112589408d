package org.hrmobility.websecurity.problem;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link Problem} as {@code application/problem+json} (not cached), the one way an error leaves the gateway
 * or a service. Needs only Spring Web and Jackson, so the gateway uses it without the service kit.
 */
public final class ProblemWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemWriter() {
    }

    /** The problem, with the request's path as {@code instance}. */
    public static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        return write(exchange, problem, exchange.getRequest().getPath().value());
    }

    /** Nothing is written once the response is committed (a client gone, or an answer already on its way). */
    public static Mono<Void> write(ServerWebExchange exchange, Problem problem, String instance) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(problem.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        headers.setCacheControl("no-store");
        DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(problem.body(instance)));
        return response.writeWith(Mono.just(buffer));
    }
}

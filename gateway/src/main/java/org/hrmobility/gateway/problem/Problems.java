package org.hrmobility.gateway.problem;

import java.util.Map;

import org.hrmobility.websecurity.problem.Problem;
import org.hrmobility.websecurity.problem.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * The gateway's own answers as RFC 9457 problem+json: the suite's one {@link Problem} type and {@link ProblemWriter}
 * (platform/web-security, shared with the services), so a client reads every error the same way. Only shorthands.
 */
public final class Problems {

    private Problems() {
    }

    /** The problem's members, to be completed (e.g. {@code service}) and answered as a body. */
    public static Map<String, Object> body(HttpStatus status, String slug, String title, String detail, String instance) {
        return Problem.of(status, slug, title, detail).body(instance);
    }

    public static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String slug, String title, String detail) {
        return ProblemWriter.write(exchange, Problem.of(status, slug, title, detail));
    }
}

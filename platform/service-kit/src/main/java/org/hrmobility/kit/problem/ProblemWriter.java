package org.hrmobility.kit.problem;

import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes a {@link Problem} as {@code application/problem+json}: the one way every error leaves a service, delegated
 * to {@link org.hrmobility.websecurity.problem.ProblemWriter}, which the gateway uses too.
 */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, Problem problem) {
        return org.hrmobility.websecurity.problem.ProblemWriter.write(exchange, problem.shared());
    }
}

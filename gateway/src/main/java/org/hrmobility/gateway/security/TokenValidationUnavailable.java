package org.hrmobility.gateway.security;

import org.hrmobility.gateway.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

import reactor.core.publisher.Mono;

/**
 * Tokens cannot be verified for now (no JWK set could be fetched from the identity provider yet): Spring Security
 * rethrows that rather than calling it a bad token, and without this it would reach the caller as a 500. It is a 503
 * with Retry-After, as the services answer it: nothing is wrong with the request or the token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class TokenValidationUnavailable implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(TokenValidationUnavailable.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (!(ex instanceof AuthenticationServiceException) || exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        log.warn("Cannot validate tokens: {}", ex.getMessage());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return Problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "token-validation-unavailable", "Token validation unavailable",
                "Tokens cannot be validated right now; try again shortly.");
    }
}

package org.hrmobility.gateway.security;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * A request that arrived on the management port ({@code management.server.port}, when set apart from the API's):
 * the actuator's own server, reachable inside the cluster only (Prometheus scrapes it there), never through the
 * ingress. On the API's port the actuator (but health and info) needs an OPERATOR token.
 */
final class ManagementPort implements ServerWebExchangeMatcher {

    static final String NAMESPACE = "management";

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return WebServerApplicationContext.hasServerNamespace(exchange.getApplicationContext(), NAMESPACE)
                ? MatchResult.match() : MatchResult.notMatch();
    }
}

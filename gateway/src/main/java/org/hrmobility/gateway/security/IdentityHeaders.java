package org.hrmobility.gateway.security;

import java.util.List;
import java.util.Locale;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Removes headers a client could use to claim an identity (X-User-Id, X-Roles, Remote-User, ...) before a request
 * goes on: the services trust the token alone, and nothing upstream may speak for the caller.
 */
@Component
class IdentityHeaders implements GlobalFilter, Ordered {

    static final List<String> PREFIXES = List.of("x-user", "x-employee", "x-role", "x-entity", "x-auth", "x-forwarded-user",
            "x-remote-user", "remote-user", "x-hrm-", "x-subject", "x-principal");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        List<String> claimed = exchange.getRequest().getHeaders().headerNames().stream().filter(IdentityHeaders::isIdentity).toList();
        if (claimed.isEmpty()) {
            return chain.filter(exchange);
        }
        ServerHttpRequest stripped = exchange.getRequest().mutate().headers(headers -> claimed.forEach(headers::remove)).build();
        return chain.filter(exchange.mutate().request(stripped).build());
    }

    static boolean isIdentity(String header) {
        String name = header.toLowerCase(Locale.ROOT);
        return PREFIXES.stream().anyMatch(name::startsWith);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

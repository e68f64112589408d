package org.hrmobility.kit.web;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * HTTP's own optimistic concurrency on every aggregate: reads answer {@code ETag} (the aggregate's version), and a
 * command with {@code If-Match} is refused with 412 when the aggregate has moved on. Clients that send no
 * {@code If-Match} are not conditional: a concurrent change still fails the later save (409), as before.
 */
public class ConditionalRequests implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Versions versions = new Versions(exchange.getRequest().getHeaders().getFirst(HttpHeaders.IF_MATCH));
        exchange.getResponse().beforeCommit(() -> {
            if (exchange.getResponse().getStatusCode() == null || exchange.getResponse().getStatusCode().is2xxSuccessful()) {
                versions.etag().ifPresent(tag -> exchange.getResponse().getHeaders().setETag(tag));
            }
            return Mono.empty();
        });
        return chain.filter(exchange).contextWrite(context -> context.put(Versions.class, versions));
    }

    @Override
    public int getOrder() {
        // inside the security chain (-100): only authenticated requests reach the aggregates
        return 0;
    }
}

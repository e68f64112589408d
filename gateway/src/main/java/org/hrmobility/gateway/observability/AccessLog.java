package org.hrmobility.gateway.observability;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * One access-log line per request, as JSON fields (ECS) on the {@code hrm.access} logger: method, path (never the
 * query, which may hold personal data), route, status, duration and correlation id. No tokens, no subjects.
 */
@Component
class AccessLog implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("hrm.access");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            long millis = (System.nanoTime() - started) / 1_000_000;
            String correlationId = exchange.getAttribute(CorrelationId.ATTRIBUTE);
            log.atInfo()
                    .addKeyValue("http.request.method", exchange.getRequest().getMethod().name())
                    .addKeyValue("url.path", exchange.getRequest().getPath().value())
                    .addKeyValue("http.response.status_code", status == null ? 0 : status.value())
                    .addKeyValue("event.duration_ms", millis)
                    .addKeyValue("route", route == null ? "gateway" : route.getId())
                    .addKeyValue("correlation_id", correlationId)
                    .log("{} {} {} {} ms", exchange.getRequest().getMethod().name(), exchange.getRequest().getPath().value(),
                            status == null ? "-" : status.value(), millis);
        });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

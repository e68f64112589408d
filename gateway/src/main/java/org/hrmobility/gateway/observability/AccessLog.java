package org.hrmobility.gateway.observability;

import java.util.regex.Pattern;

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
 * One access-log line per request, as JSON fields (ECS) on the {@code hrm.access} logger: method, path, route,
 * status, duration and correlation id. No tokens, no subjects, no query; and in the path every segment with a
 * digit (an employee or case id) is masked, since ids point at people.
 */
@Component
class AccessLog implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("hrm.access");
    private static final Pattern ID_SEGMENT = Pattern.compile("/[^/]*[0-9][^/]*");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            long millis = (System.nanoTime() - started) / 1_000_000;
            String correlationId = exchange.getAttribute(CorrelationId.ATTRIBUTE);
            String path = masked(exchange.getRequest().getPath().value());
            log.atInfo()
                    .addKeyValue("http.request.method", exchange.getRequest().getMethod().name())
                    .addKeyValue("url.path", path)
                    .addKeyValue("http.response.status_code", status == null ? 0 : status.value())
                    .addKeyValue("event.duration_ms", millis)
                    .addKeyValue("route", route == null ? "gateway" : route.getId())
                    .addKeyValue("correlation_id", correlationId)
                    .log("{} {} {} {} ms", exchange.getRequest().getMethod().name(), path,
                            status == null ? "-" : status.value(), millis);
        });
    }

    static String masked(String path) {
        return ID_SEGMENT.matcher(path).replaceAll("/*");
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}

package org.hrmobility.gateway.observability;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import io.micrometer.tracing.handler.TracingObservationHandler;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id: the client's {@code X-Correlation-Id} when it is a sensible one, else the
 * id of the trace the gateway starts for the request. It goes on to the service, comes back in the response, and
 * is in the access log. The trace goes on too ({@code traceparent}); the services continue it and write it with
 * their events into Kafka, so a generated correlation id is the trace id a consumer of those events sees.
 */
@Component
public class CorrelationId implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";
    public static final String ATTRIBUTE = CorrelationId.class.getName();
    /** The path the client asked for, before any routing or fallback forward changed it. */
    public static final String ORIGINAL_PATH = CorrelationId.class.getName() + ".path";
    private static final Pattern SENSIBLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SENSIBLE.matcher(given).matches() ? given : traceId(exchange);
        ServerHttpRequest request = exchange.getRequest().mutate().headers(h -> h.set(HEADER, id)).build();
        exchange.getResponse().getHeaders().set(HEADER, id);
        ServerWebExchange withId = exchange.mutate().request(request).build();
        withId.getAttributes().put(ATTRIBUTE, id);
        withId.getAttributes().put(ORIGINAL_PATH, exchange.getRequest().getPath().value());
        return chain.filter(withId);
    }

    /** The trace id of the request's observation (started before any filter), or a random id without tracing. */
    static String traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingObservationHandler.TracingContext>get(TracingObservationHandler.TracingContext.class))
                .map(TracingObservationHandler.TracingContext::getSpan)
                .map(span -> span.context().traceId())
                .orElseGet(() -> UUID.randomUUID().toString().replace("-", ""));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}

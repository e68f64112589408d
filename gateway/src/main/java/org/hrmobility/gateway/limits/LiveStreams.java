package org.hrmobility.gateway.limits;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.hrmobility.websecurity.problem.Problem;
import org.hrmobility.websecurity.problem.ProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * At most {@code hrm.gateway.streams.max-per-person} live streams (server-sent events) open at once per token
 * subject through this gateway instance: each holds a connection here and a subscription in the service, so one
 * person (or a stolen token) opening streams in a loop would hold both without bound. One more is answered 429
 * problem+json with {@code Retry-After}; closing a stream (or its end, or an error) frees its place. The web
 * console relays a person's stream through {@code /api/notifications/stream} with the person's token, so its streams
 * count here too. Runs after the per-caller rate limit, on routed requests with an authenticated caller.
 */
@Component
class LiveStreams implements GlobalFilter, Ordered {

    private static final long RETRY_AFTER_SECONDS = 5;

    private final int maxPerPerson;
    private final Set<String> paths;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();

    LiveStreams(StreamLimitSettings settings) {
        this.maxPerPerson = settings.maxPerPerson();
        this.paths = Set.copyOf(settings.paths());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!paths.contains(exchange.getRequest().getPath().pathWithinApplication().value())) {
            return chain.filter(exchange);
        }
        // no caller (not possible behind the security chain for these paths): nothing to count
        return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty("")
                .flatMap(subject -> {
                    if (subject.isEmpty()) {
                        return chain.filter(exchange);
                    }
                    if (!acquire(subject)) {
                        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER_SECONDS));
                        return ProblemWriter.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams",
                                "Too many live streams", "At most " + maxPerPerson + " live streams may be open at once; "
                                        + "close one (another tab or window) and try again."));
                    }
                    AtomicBoolean released = new AtomicBoolean();
                    return chain.filter(exchange).doFinally(signal -> {
                        if (released.compareAndSet(false, true)) {
                            release(subject);
                        }
                    });
                });
    }

    private boolean acquire(String subject) {
        boolean[] acquired = {false};
        open.compute(subject, (s, count) -> {
            int now = count == null ? 0 : count;
            if (now >= maxPerPerson) {
                return count;
            }
            acquired[0] = true;
            return now + 1;
        });
        return acquired[0];
    }

    private void release(String subject) {
        open.computeIfPresent(subject, (s, count) -> count <= 1 ? null : count - 1);
    }

    /** Streams open now for this subject (tests). */
    int openFor(String subject) {
        return open.getOrDefault(subject, 0);
    }

    @Override
    public int getOrder() {
        // after RateLimits (+10): a refused request does not take a place
        return Ordered.HIGHEST_PRECEDENCE + 11;
    }
}

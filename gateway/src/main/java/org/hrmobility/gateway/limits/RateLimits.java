package org.hrmobility.gateway.limits;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.hrmobility.gateway.GatewaySettings;
import org.hrmobility.websecurity.problem.Problem;
import org.hrmobility.websecurity.problem.ProblemWriter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Rate limits per client: the token's subject (a person or a machine client), else the caller's address. Over
 * the limit a request is answered 429 problem+json with {@code Retry-After}, and never reaches a service. The
 * buckets live in this instance: with several gateway instances each client gets the limit at each.
 */
@Component
class RateLimits implements GlobalFilter, Ordered {

    private static final long FORGET_AFTER = TimeUnit.MINUTES.toNanos(10);

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int perSecond;
    private final int burst;

    RateLimits(GatewaySettings settings) {
        this.perSecond = settings.requestsPerSecond();
        this.burst = settings.burst();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal().map(Principal::getName).defaultIfEmpty(address(exchange)).flatMap(client -> {
            long now = System.nanoTime();
            long waitNanos = buckets.computeIfAbsent(client, c -> new TokenBucket(perSecond, burst, now)).take(now);
            if (waitNanos == 0) {
                return chain.filter(exchange);
            }
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                    "More than " + perSecond + " requests a second (bursts of " + burst + "); try again in " + seconds + " s."));
        });
    }

    /** Forgets clients idle for ten minutes, so the map holds only recent ones. */
    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.MINUTES)
    void forgetIdle() {
        long now = System.nanoTime();
        buckets.values().removeIf(bucket -> bucket.idleSince(now, FORGET_AFTER));
    }

    private static String address(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "address:" + (remote == null ? "unknown" : remote.getAddress().getHostAddress());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}

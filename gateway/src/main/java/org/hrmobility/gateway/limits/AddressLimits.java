package org.hrmobility.gateway.limits;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.hrmobility.websecurity.problem.Problem;
import org.hrmobility.websecurity.problem.ProblemWriter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * A limit per client address in front of the token check, so a flood of bad tokens is refused before each one
 * costs a signature check (the per-caller {@link RateLimits} only runs once a token was accepted). A request from an
 * address whose bucket is empty is answered 429 problem+json with {@code Retry-After} before anything else is done.
 * A request is charged to its address unless the security chain accepted its token ({@link Admitted}): so the
 * bucket pays for what authentication refused (no token where one is needed, a bad or forged token, a role that does
 * not allow it) and for anonymous requests, while callers with valid tokens behind one address (an office's NAT, the
 * web console's server) are held to their own per-caller limit only. The buckets live in this instance, in a bounded
 * cache (the least recently seen addresses go first).
 */
@Component
class AddressLimits implements WebFilter, Ordered {

    /** Set by {@link Admitted} when the security chain accepted the caller's token. */
    static final String ADMITTED = AddressLimits.class.getName() + ".admitted";
    private static final Duration FORGET_AFTER = Duration.ofMinutes(10);

    private final ClientAddresses addresses;
    private final Cache<String, TokenBucket> buckets;
    private final int perSecond;
    private final int burst;

    AddressLimits(AddressLimitSettings settings) {
        this.perSecond = settings.requestsPerSecond();
        this.burst = settings.burst();
        this.addresses = new ClientAddresses(settings.trustedProxies());
        this.buckets = Caffeine.newBuilder().maximumSize(settings.maxAddresses()).expireAfterAccess(FORGET_AFTER).build();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String address = addresses.of(exchange.getRequest());
        long now = System.nanoTime();
        TokenBucket bucket = buckets.get(address, a -> new TokenBucket(perSecond, burst, now));
        long waitNanos = bucket.waitNanos(now);
        if (waitNanos > 0) {
            long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + TimeUnit.SECONDS.toNanos(1) - 1));
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return ProblemWriter.write(exchange, Problem.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                    "Too many requests without a valid token from your address; try again in " + seconds + " s."));
        }
        return chain.filter(exchange).doFinally(signal -> {
            if (exchange.getAttribute(ADMITTED) == null) {
                bucket.charge(System.nanoTime());
            }
        });
    }

    /** Addresses held now (tests). */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    @Override
    public int getOrder() {
        // after the correlation id and the access log, before the size limit and the security chain (-100)
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }

    /** After the security chain: marks a request whose token it accepted, which its address is not charged for. */
    @Component
    static class Admitted implements WebFilter, Ordered {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return exchange.getPrincipal()
                    .filter(principal -> principal instanceof Authentication authentication && authentication.isAuthenticated())
                    .doOnNext(principal -> exchange.getAttributes().put(ADMITTED, Boolean.TRUE))
                    .then(Mono.defer(() -> chain.filter(exchange)));
        }

        @Override
        public int getOrder() {
            // right after the security chain (-100)
            return 0;
        }
    }
}

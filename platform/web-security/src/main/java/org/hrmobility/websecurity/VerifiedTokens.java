package org.hrmobility.websecurity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * Remembers the tokens the decoder has accepted, so a client's next request with the same token is not checked
 * (RSA signature, claims) all over again: the profile of a load run showed the check at a quarter of the gateway's
 * CPU. A Caffeine cache, bounded in size, keeps each token for its own remaining lifetime and at most {@code maxAge}
 * (so a key withdrawn from the key set stops being honoured soon, and at once when the set's refresh reports it:
 * {@link #forgetKeys}); a rejected token, or one without an expiry, is never remembered. Same token, same answer:
 * only the cost changes.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final Duration maxAge;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    /** The clock both dates a token's remaining lifetime and measures how long it has been kept (tests). */
    public VerifiedTokens(ReactiveJwtDecoder decoder, int capacity, Duration maxAge, Clock clock) {
        this(decoder, capacity, maxAge, clock, () -> nanos(clock.instant()), Runnable::run);
    }

    /**
     * {@code clock} dates a token's remaining lifetime (its {@code exp} is a date); {@code ticker} measures how long
     * it has been kept ({@link Ticker#systemTicker()} in production, unaffected by changes of the wall clock).
     */
    public VerifiedTokens(ReactiveJwtDecoder decoder, int capacity, Duration maxAge, Clock clock, Ticker ticker) {
        this(decoder, capacity, maxAge, clock, ticker, ForkJoinPool.commonPool());
    }

    VerifiedTokens(ReactiveJwtDecoder decoder, int capacity, Duration maxAge, Clock clock, Ticker ticker, Executor maintenance) {
        this.decoder = decoder;
        this.maxAge = maxAge;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(capacity)
                .expireAfter(Expiry.creating((String token, Jwt jwt) -> keepFor(jwt)))
                .ticker(ticker)
                .executor(maintenance)
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt)).onErrorMap(VerifiedTokens::keysUnavailable);
    }

    /** Nimbus wraps a key source's failure in an IllegalStateException: unwrap ours, so the caller answers 503. */
    private static Throwable keysUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof RemoteJwkSet.KeysUnavailable unavailable) {
                return unavailable;
            }
        }
        return error;
    }

    private void remember(String token, Jwt jwt) {
        if (!keepFor(jwt).isZero()) {
            verified.put(token, jwt);
        }
    }

    /** The token's remaining lifetime, at most {@code maxAge}; zero when it has none left (or no expiry). */
    private Duration keepFor(Jwt jwt) {
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt == null) {
            return Duration.ZERO;
        }
        Duration remaining = Duration.between(clock.instant(), expiresAt);
        return remaining.isNegative() ? Duration.ZERO : remaining.compareTo(maxAge) < 0 ? remaining : maxAge;
    }

    /**
     * Forgets the tokens signed by these keys ({@code ""}: a key without an id), which the key set no longer has
     * ({@link RemoteJwkSet#onKeysRemoved}): they go back to the decoder, which refuses them.
     */
    public void forgetKeys(Set<String> keyIds) {
        verified.asMap().values().removeIf(jwt -> keyIds.contains(keyId(jwt)));
    }

    private static String keyId(Jwt jwt) {
        Object kid = jwt.getHeaders().get("kid");
        return kid == null ? "" : kid.toString();
    }

    /** Tokens held now, after pending evictions and expiries (tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}

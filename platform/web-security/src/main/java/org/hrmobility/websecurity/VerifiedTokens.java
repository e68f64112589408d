package org.hrmobility.websecurity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/**
 * Remembers the tokens the decoder has accepted, so a client's next request with the same token is not checked
 * (RSA signature, claims) all over again: the profile of a load run showed the check at a quarter of the gateway's
 * CPU. A token is remembered until it expires, and at most {@code maxAge} (so a key withdrawn from the key set stops
 * being honoured soon); a rejected token is never remembered. Same token, same answer: only the cost changes.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder decoder;
    private final int capacity;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Jwt jwt, Instant until) {
    }

    public VerifiedTokens(ReactiveJwtDecoder decoder, int capacity, Duration maxAge, Clock clock) {
        this.decoder = decoder;
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified known = verified.get(token);
        if (known != null) {
            if (clock.instant().isBefore(known.until())) {
                return Mono.just(known.jwt());
            }
            verified.remove(token, known);
        }
        return decoder.decode(token).doOnNext(jwt -> remember(token, jwt));
    }

    private void remember(String token, Jwt jwt) {
        if (jwt.getExpiresAt() == null) {
            return;
        }
        if (verified.size() >= capacity) {
            // a full cache starts again rather than tracking use: the active users' tokens come back at once
            verified.clear();
        }
        Instant latest = clock.instant().plus(maxAge);
        verified.put(token, new Verified(jwt, jwt.getExpiresAt().isBefore(latest) ? jwt.getExpiresAt() : latest));
    }
}

package org.hrmobility.websecurity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    final AtomicInteger decoded = new AtomicInteger();
    Instant expiresAt = NOW.plus(Duration.ofMinutes(30));
    final ReactiveJwtDecoder decoder = token -> {
        decoded.incrementAndGet();
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("hana").issuedAt(NOW).expiresAt(expiresAt).build());
    };

    VerifiedTokens at(Instant now, int capacity) {
        return new VerifiedTokens(decoder, capacity, Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    @DisplayName("Security: a token is verified once and answered from memory until the cache's limit")
    void verifiedOnce() {
        VerifiedTokens tokens = at(NOW, 10);
        StepVerifier.create(tokens.decode("a")).assertNext(jwt -> assertThat(jwt.getSubject()).isEqualTo("hana")).verifyComplete();
        StepVerifier.create(tokens.decode("a")).expectNextCount(1).verifyComplete();
        assertThat(decoded).hasValue(1);
    }

    @Test
    @DisplayName("Security: a rejected token is never remembered; each attempt is checked and refused")
    void rejectedIsNotRemembered() {
        VerifiedTokens tokens = at(NOW, 10);
        StepVerifier.create(tokens.decode("bad")).expectError(BadJwtException.class).verify();
        StepVerifier.create(tokens.decode("bad")).expectError(BadJwtException.class).verify();
        assertThat(decoded).hasValue(2);
    }

    @Test
    @DisplayName("Security: once the token expires (or five minutes pass), it goes back to the decoder")
    void expiryHandsBackToTheDecoder() {
        expiresAt = NOW.plus(Duration.ofMinutes(2));
        VerifiedTokens tokens = new VerifiedTokens(decoder, 10, Duration.ofMinutes(5), new MovingClock());
        tokens.decode("a").block();
        tokens.decode("a").block();
        assertThat(decoded).hasValue(1);
        MovingClock.now = NOW.plus(Duration.ofMinutes(2));
        tokens.decode("a").block();
        assertThat(decoded).as("at its expiry the decoder decides again").hasValue(2);

        expiresAt = NOW.plus(Duration.ofHours(1));
        MovingClock.now = NOW;
        VerifiedTokens longLived = new VerifiedTokens(decoder, 10, Duration.ofMinutes(5), new MovingClock());
        longLived.decode("b").block();
        MovingClock.now = NOW.plus(Duration.ofMinutes(5));
        longLived.decode("b").block();
        assertThat(decoded).as("remembered five minutes at most").hasValue(4);
    }

    @Test
    @DisplayName("Security: a full cache starts again instead of growing")
    void boundedCapacity() {
        VerifiedTokens tokens = at(NOW, 2);
        tokens.decode("a").block();
        tokens.decode("b").block();
        tokens.decode("c").block();
        tokens.decode("c").block();
        tokens.decode("a").block();
        assertThat(decoded).hasValue(4);
    }

    static final class MovingClock extends Clock {
        static Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

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

import com.github.benmanes.caffeine.cache.Ticker;

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
    @DisplayName("Security: a full cache evicts instead of growing")
    void boundedCapacity() {
        VerifiedTokens tokens = at(NOW, 2);
        for (int i = 0; i < 50; i++) {
            tokens.decode("t" + i).block();
        }
        assertThat(decoded).hasValue(50);
        assertThat(tokens.size()).isLessThanOrEqualTo(2);
    }

    @Test
    @DisplayName("Security: each token is kept for its own remaining lifetime, capped at five minutes (Caffeine's ticker as the clock)")
    void perEntryExpiry() {
        FakeTicker ticker = new FakeTicker();
        VerifiedTokens tokens = new VerifiedTokens(decoder, 10, Duration.ofMinutes(5), Clock.fixed(NOW, ZoneOffset.UTC), ticker,
                Runnable::run);
        expiresAt = NOW.plus(Duration.ofMinutes(1));
        tokens.decode("one-minute").block();
        expiresAt = NOW.plus(Duration.ofMinutes(3));
        tokens.decode("three-minutes").block();
        expiresAt = NOW.plus(Duration.ofHours(8));
        tokens.decode("eight-hours").block();
        assertThat(decoded).hasValue(3);

        ticker.advance(Duration.ofSeconds(59));
        decodeAll(tokens, "one-minute", "three-minutes", "eight-hours");
        assertThat(decoded).as("all three still remembered").hasValue(3);

        ticker.advance(Duration.ofSeconds(1));
        decodeAll(tokens, "three-minutes", "eight-hours");
        assertThat(decoded).as("the others are still remembered").hasValue(3);
        tokens.decode("one-minute").block();
        assertThat(decoded).as("the one-minute token went back to the decoder at its own expiry").hasValue(4);

        ticker.advance(Duration.ofMinutes(2));
        tokens.decode("eight-hours").block();
        assertThat(decoded).as("a long-lived token is still remembered after three minutes").hasValue(4);
        tokens.decode("three-minutes").block();
        assertThat(decoded).as("the three-minute token expired at three minutes").hasValue(5);

        ticker.advance(Duration.ofMinutes(2));
        tokens.decode("eight-hours").block();
        assertThat(decoded).as("a long-lived token is remembered five minutes at most").hasValue(6);
    }

    @Test
    @DisplayName("Security: a token without an expiry, or already past it (within the decoder's clock skew), is never remembered")
    void nothingWithoutRemainingLifetime() {
        expiresAt = NOW.plusSeconds(60);
        VerifiedTokens tokens = at(NOW.plusSeconds(90), 10);
        tokens.decode("skewed").block();
        tokens.decode("skewed").block();
        assertThat(decoded).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    private static void decodeAll(VerifiedTokens tokens, String... values) {
        for (String value : values) {
            tokens.decode(value).block();
        }
    }

    static final class FakeTicker implements Ticker {
        private long nanos = 1_000L;

        @Override
        public long read() {
            return nanos;
        }

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }
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

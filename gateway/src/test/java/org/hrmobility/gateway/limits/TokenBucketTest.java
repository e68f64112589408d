package org.hrmobility.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    @DisplayName("Limits: a burst passes at once, then requests pass at the rate, and a refused one learns how long to wait")
    void burstThenRate() {
        TokenBucket bucket = new TokenBucket(5, 10, 0);
        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(0)).isZero();
        }
        assertThat(bucket.take(0)).isEqualTo(SECOND / 5);
        assertThat(bucket.take(SECOND / 5)).isZero();
        assertThat(bucket.take(SECOND / 5)).isPositive();
        assertThat(bucket.take(SECOND * 10)).isZero();
    }

    @Test
    @DisplayName("Limits: a bucket refills to its burst and no further, and is forgotten only when full and idle")
    void refillsToBurst() {
        TokenBucket bucket = new TokenBucket(5, 2, 0);
        bucket.take(0);
        bucket.take(0);
        assertThat(bucket.idleSince(SECOND, SECOND / 2)).isTrue();
        assertThat(bucket.idleSince(SECOND / 10, 0)).isFalse();
        long now = SECOND * 100;
        assertThat(bucket.take(now)).isZero();
        assertThat(bucket.take(now)).isZero();
        assertThat(bucket.take(now)).isPositive();
    }

    @Test
    @DisplayName("Limits: a request let in before its charge pays afterwards, into debt down to minus the burst, and waits for the refill")
    void chargeAfterwards() {
        TokenBucket bucket = new TokenBucket(1, 3, 0);
        assertThat(bucket.waitNanos(0)).isZero();
        for (int i = 0; i < 10; i++) {
            bucket.charge(0);
        }
        assertThat(bucket.waitNanos(0)).as("three in debt and one to take: four seconds").isEqualTo(4 * SECOND);
        assertThat(bucket.waitNanos(4 * SECOND)).isZero();
        assertThat(bucket.waitNanos(3 * SECOND)).as("a clock read earlier by another thread does not refill backwards").isZero();
    }
}

package org.hrmobility.gateway.limits;

/**
 * A token bucket: {@code burst} requests at once, refilled at {@code perSecond}. Plain Java, so the rate rule is
 * tested without time passing for real.
 */
final class TokenBucket {

    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long lastNanos;

    TokenBucket(int perSecond, int burst, long nowNanos) {
        this.perSecond = perSecond;
        this.capacity = burst;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    /** Takes one token; when there is none, answers how many nanoseconds until there is (else 0). */
    synchronized long take(long nowNanos) {
        tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * perSecond / 1e9);
        lastNanos = nowNanos;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
    }

    /** How many nanoseconds until there is a token (0: there is one now), taking none. */
    synchronized long waitNanos(long nowNanos) {
        refill(nowNanos);
        return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) / perSecond * 1e9);
    }

    /**
     * Charges one token for a request already let in, into debt down to minus the burst: requests that passed
     * {@link #waitNanos} together all pay.
     */
    synchronized void charge(long nowNanos) {
        refill(nowNanos);
        tokens = Math.max(-capacity, tokens - 1);
    }

    private void refill(long nowNanos) {
        if (nowNanos > lastNanos) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * perSecond / 1e9);
            lastNanos = nowNanos;
        }
    }

    /** True when the bucket has been full long enough to be forgotten. */
    synchronized boolean idleSince(long nowNanos, long idleNanos) {
        return tokens + (nowNanos - lastNanos) * perSecond / 1e9 >= capacity && nowNanos - lastNanos > idleNanos;
    }
}

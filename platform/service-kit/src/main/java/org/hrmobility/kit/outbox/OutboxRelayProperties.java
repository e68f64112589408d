package org.hrmobility.kit.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the relay works: {@code hrm.outbox.*}.
 *
 * @param enabled        run the relay in this instance (one leader per service publishes; the rest stand by)
 * @param listen         wake on PostgreSQL NOTIFY; without it the relay only polls
 * @param pollInterval   the longest wait between two looks at the table (the fallback when a NOTIFY is missed)
 * @param batchSize      rows published in one Kafka transaction
 * @param leaderRetry    how often a standby instance tries to become the leader
 * @param minBackoff     first wait after a failure (Kafka or the database away)
 * @param maxBackoff     longest wait between attempts while a failure lasts
 * @param retention      how long sent rows are kept before the purge deletes them
 * @param purgeInterval  how often the leader purges
 * @param purgeBatch     rows one purge statement deletes: a large backlog is purged in short transactions
 * @param leaderStaleAfter how long a leader may stay silent (its session runs no statement) before a standby ends its
 *                       session and takes over: a leader whose connection froze half-open is replaced within this
 */
@ConfigurationProperties("hrm.outbox")
public record OutboxRelayProperties(
        Boolean enabled,
        Boolean listen,
        Duration pollInterval,
        Integer batchSize,
        Duration leaderRetry,
        Duration minBackoff,
        Duration maxBackoff,
        Duration retention,
        Duration purgeInterval,
        Integer purgeBatch,
        Duration leaderStaleAfter) {

    public OutboxRelayProperties {
        enabled = enabled == null || enabled;
        listen = listen == null || listen;
        pollInterval = pollInterval == null ? Duration.ofSeconds(1) : pollInterval;
        batchSize = batchSize == null ? 500 : batchSize;
        leaderRetry = leaderRetry == null ? Duration.ofSeconds(2) : leaderRetry;
        minBackoff = minBackoff == null ? Duration.ofMillis(100) : minBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(5) : maxBackoff;
        retention = retention == null ? Duration.ofDays(7) : retention;
        purgeInterval = purgeInterval == null ? Duration.ofHours(1) : purgeInterval;
        purgeBatch = purgeBatch == null ? 5_000 : purgeBatch;
        leaderStaleAfter = leaderStaleAfter == null ? Duration.ofSeconds(30) : leaderStaleAfter;
    }

    public static OutboxRelayProperties defaults() {
        return new OutboxRelayProperties(null, null, null, null, null, null, null, null, null, null, null);
    }
}

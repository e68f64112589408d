package org.hrmobility.kit.outbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Moves committed outbox rows to Kafka, in id order, and marks them sent. One thread per instance; of all the
 * instances of a service only the holder of the advisory lock publishes. It wakes on NOTIFY (a commit) or
 * after the poll interval, and while Kafka or the database is away it backs off and tries again by itself.
 * Delivery is at-least-once: a batch published but not yet marked when the instance dies is published again,
 * and consumers drop the repeat through their inbox.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Between Spring Boot's graceful shutdown (DEFAULT_PHASE - 1024) and the web server's stop (DEFAULT_PHASE - 2048). */
    public static final int STOP_PHASE = SmartLifecycle.DEFAULT_PHASE - 1536;
    private static final Duration DRAIN_AT_MOST = Duration.ofSeconds(10);
    private static final Duration BACKLOG_LOOK_EVERY = Duration.ofSeconds(5);

    private final JdbcSettings jdbc;
    private final KafkaOutboxPublisher publisher;
    private final OutboxRelayProperties properties;
    private final Clock clock;
    private final String name;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong published = new AtomicLong();
    private final AtomicBoolean leading = new AtomicBoolean();
    private Counter publishedCounter;
    private Timer batchTimer;
    private volatile Thread thread;
    private volatile CountDownLatch stopping = new CountDownLatch(0);
    private OutboxSession session;
    private Instant nextPurge = Instant.MIN;
    private Instant nextBacklogLook = Instant.MIN;
    private volatile OutboxSession.Backlog backlog;
    private Instant failingSince;

    /** A relay on a cluster reached with the bootstrap servers alone (tests, benchmarks). */
    public OutboxRelay(String name, JdbcSettings jdbc, String bootstrapServers, OutboxRelayProperties properties, Clock clock) {
        this(name, jdbc, Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), properties, clock);
    }

    /** @param kafka the producer's connection settings: servers and, on a secured cluster, security */
    public OutboxRelay(String name, JdbcSettings jdbc, Map<String, Object> kafka, OutboxRelayProperties properties, Clock clock) {
        this.name = name;
        this.jdbc = jdbc;
        this.publisher = new KafkaOutboxPublisher(kafka, "hrm-outbox-relay." + name);
        this.properties = properties;
        this.clock = clock;
    }

    public OutboxRelay withMetrics(MeterRegistry registry) {
        publishedCounter = Counter.builder("hrm.outbox.published").description("events published to Kafka")
                .tag("relay", name).register(registry);
        batchTimer = Timer.builder("hrm.outbox.batch").description("time to publish and mark one batch")
                .tag("relay", name).register(registry);
        Gauge.builder("hrm.outbox.leader", leading, l -> l.get() ? 1 : 0)
                .description("1 while this instance is the publishing leader").tag("relay", name).register(registry);
        // measured by the leader every few seconds; NaN on the others, so a sum over instances counts it once
        Gauge.builder("hrm.outbox.backlog", this, r -> r.leading.get() && r.backlog != null ? r.backlog.events() : Double.NaN)
                .description("events committed and not yet published").tag("relay", name).register(registry);
        Gauge.builder("hrm.outbox.oldest.age", this, OutboxRelay::oldestAgeSeconds).baseUnit("seconds")
                .description("how long the oldest unpublished event has waited").tag("relay", name).register(registry);
        return this;
    }

    /** Events published by this instance since it started. */
    public long publishedCount() {
        return published.get();
    }

    public boolean isLeader() {
        return leading.get();
    }

    @Override
    public void start() {
        if (running.compareAndSet(false, true)) {
            stopping = new CountDownLatch(1);
            Thread t = new Thread(this::run, "outbox-relay-" + name);
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    /**
     * Stops after the batch in hand; the session closes and with it the leadership. The thread is woken, never
     * interrupted: an interrupt inside a Kafka commit would leave a published batch unmarked, to be sent twice.
     */
    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            stopping.countDown();
            Thread t = thread;
            if (t != null) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(15));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    /**
     * Stops after the web server's graceful shutdown (requests in flight have finished and committed their events) and
     * before the server itself and the connection pools; on the way out the leader publishes what they committed.
     */
    @Override
    public int getPhase() {
        return STOP_PHASE;
    }

    private void run() {
        Backoff backoff = new Backoff(properties.minBackoff(), properties.maxBackoff());
        while (running.get()) {
            try {
                if (!lead()) {
                    sleep(properties.leaderRetry());
                    continue;
                }
                int sent = relayBatch();
                lookAtBacklogWhenDue();
                purgeWhenDue();
                recovered();
                backoff.reset();
                if (sent < properties.batchSize()) {
                    session.awaitWork(properties.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                failed(e);
                if (e instanceof SQLException) {
                    dropSession();
                }
                sleep(backoff.next());
            }
        }
        drain();
        dropSession();
        publisher.close();
    }

    /** On the way out, the leader publishes what the last requests committed, for at most {@link #DRAIN_AT_MOST}. */
    private void drain() {
        if (session == null || !session.isLeader()) {
            return;
        }
        long until = System.nanoTime() + DRAIN_AT_MOST.toNanos();
        try {
            int sent;
            do {
                sent = relayBatch();
            } while (sent > 0 && System.nanoTime() < until);
        } catch (Exception e) {
            log.warn("Outbox relay {} stops with events left to publish; the next leader publishes them: {}", name, describe(e));
        }
    }

    private boolean lead() throws SQLException {
        if (session == null) {
            session = OutboxSession.open(jdbc, properties.listen(), name);
        }
        if (!session.isLeader() && session.tryLead()) {
            leading.set(true);
            log.info("Outbox relay {} leads: it publishes this service's events", name);
        } else if (!session.isLeader() && session.endStaleLeader(properties.leaderStaleAfter())) {
            log.warn("Outbox relay {}: the leader ran no statement for {} s; its session was ended, this instance takes over",
                    name, properties.leaderStaleAfter().toSeconds());
        }
        return session.isLeader();
    }

    private int relayBatch() throws SQLException {
        List<OutboxRow> rows = session.unsent(properties.batchSize());
        if (rows.isEmpty()) {
            return 0;
        }
        long started = System.nanoTime();
        publisher.publish(rows);
        session.markSent(rows);
        published.addAndGet(rows.size());
        if (publishedCounter != null) {
            publishedCounter.increment(rows.size());
            batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
        return rows.size();
    }

    private void lookAtBacklogWhenDue() throws SQLException {
        Instant now = clock.instant();
        if (now.isAfter(nextBacklogLook)) {
            backlog = session.backlog();
            nextBacklogLook = now.plus(BACKLOG_LOOK_EVERY);
        }
    }

    private double oldestAgeSeconds() {
        OutboxSession.Backlog seen = backlog;
        if (!leading.get() || seen == null) {
            return Double.NaN;
        }
        return seen.oldest() == null ? 0 : Math.max(0, Duration.between(seen.oldest(), clock.instant()).toMillis() / 1000.0);
    }

    private void purgeWhenDue() throws SQLException {
        Instant now = clock.instant();
        if (now.isBefore(nextPurge)) {
            return;
        }
        Instant cutoff = now.minus(properties.retention());
        long purged = 0;
        for (int deleted = properties.purgeBatch(); deleted == properties.purgeBatch() && running.get(); ) {
            deleted = session.purgeSentBefore(cutoff, properties.purgeBatch());
            purged += deleted;
        }
        if (purged > 0) {
            log.info("Outbox relay {} purged {} events sent before {}", name, purged, cutoff);
        }
        nextPurge = now.plus(properties.purgeInterval());
    }

    private void failed(Exception e) {
        if (failingSince == null) {
            failingSince = clock.instant();
            log.warn("Outbox relay {} cannot publish, retrying with backoff until it can: {}", name, describe(e));
        } else {
            log.debug("Outbox relay {} still failing: {}", name, describe(e));
        }
    }

    private void recovered() {
        if (failingSince != null) {
            log.info("Outbox relay {} publishes again after {} s", name,
                    Duration.between(failingSince, clock.instant()).toSeconds());
            failingSince = null;
        }
    }

    private static String describe(Exception e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private void dropSession() {
        if (session != null) {
            if (session.isLeader()) {
                log.info("Outbox relay {} stops leading", name);
            }
            session.close();
            session = null;
            leading.set(false);
        }
    }

    /** Waits, unless the relay is stopping. */
    private void sleep(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}

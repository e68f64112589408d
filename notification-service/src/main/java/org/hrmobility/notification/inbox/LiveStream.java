package org.hrmobility.notification.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.hrmobility.kit.outbox.Backoff;
import org.hrmobility.kit.outbox.JdbcSettings;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * New notifications as they commit, for the live streams of this instance. Every instance listens to the
 * table's NOTIFY on a JDBC session of its own, so a stream sees what any instance stored, and only once it is
 * committed. A subscriber that falls 256 notifications behind is ended; it reconnects with {@code Last-Event-ID}
 * and catches up from the inbox. When the session is lost, the notifications committed until it is back raise no
 * NOTIFY here: {@link #reconnected()} tells the open streams, which catch up from the inbox themselves.
 */
@Component
public class LiveStream implements SmartLifecycle {

    static final String CHANNEL = "hrm_notification";
    private static final Logger log = LoggerFactory.getLogger(LiveStream.class);

    record Arrival(String recipient, UUID id) {
    }

    private final JdbcSettings jdbc;
    private final NotificationRepository notifications;
    private final Sinks.Many<Arrival> arrivals = Sinks.many().multicast().directBestEffort();
    private final Sinks.Empty<Void> closing = Sinks.empty();
    private final Sinks.Many<Instant> reconnections = Sinks.many().multicast().directBestEffort();
    private volatile boolean running;
    private Thread listener;

    LiveStream(JdbcSettings jdbc, NotificationRepository notifications, ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        meters.ifAvailable(registry -> Gauge.builder("hrm.notification.streams", this, LiveStream::subscribers)
                .description("live notification streams open on this instance").register(registry));
    }

    /** Completes when the instance stops: open streams end then, so a graceful shutdown does not wait on them. */
    Mono<Void> closing() {
        return closing.asMono();
    }

    /** Each time the listener is back after losing its session: what committed meanwhile raised no NOTIFY here. */
    Flux<Instant> reconnected() {
        return reconnections.asFlux();
    }

    /** How many live streams this instance serves now. */
    public int subscribers() {
        return arrivals.currentSubscriberCount();
    }

    /** The notifications of these readers from now on. */
    Flux<Notification> of(List<String> readers) {
        return arrivals.asFlux()
                .filter(arrival -> readers.contains(arrival.recipient()))
                .onBackpressureBuffer(256)
                .concatMap(arrival -> notifications.find(arrival.id()));
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "notification-listener");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        arrivals.tryEmitComplete();
        closing.tryEmitEmpty();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
        boolean lost = false;
        while (running) {
            try (Connection connection = jdbc.connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                backoff.reset();
                if (lost) {
                    log.info("Live stream listens again; open streams catch up from the inbox");
                    reconnections.tryEmitNext(Instant.now());
                    lost = false;
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = pg.getNotifications(500);
                    if (received != null) {
                        for (PGNotification n : received) {
                            publish(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                lost = true;
                if (running) {
                    Duration wait = backoff.next();
                    log.warn("Live stream lost its database session ({}); reconnecting in {} ms", e.getMessage(), wait.toMillis());
                    sleep(wait);
                }
            }
        }
    }

    private void publish(String parameter) {
        int space = parameter.lastIndexOf(' ');
        if (space > 0) {
            arrivals.tryEmitNext(new Arrival(parameter.substring(0, space), UUID.fromString(parameter.substring(space + 1))));
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

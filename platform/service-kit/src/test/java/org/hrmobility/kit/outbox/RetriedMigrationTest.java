package org.hrmobility.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

/**
 * A start-time task written with Reactor (the notification service's resealing of webhook secrets) waits for its
 * database with the same setting as the migrations; {@code KitSchemaIT} proves the blocking form on a real PostgreSQL.
 */
class RetriedMigrationTest {

    @Test
    @DisplayName("a reactive start-time task is subscribed again after a failure that passes, as often as the setting says")
    void reactiveTaskRetriedOnTransientFailures() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> awayTwice = Mono.defer(() -> attempts.incrementAndGet() <= 2
                ? Mono.error(new ConnectException("Connection refused")) : Mono.just("resealed"));

        assertThat(new RetriedMigration(2, Duration.ofSeconds(1)).retried("a reactive task", awayTwice).block(Duration.ofSeconds(10))).isEqualTo("resealed");
        assertThat(attempts).hasValue(3);

        attempts.set(0);
        assertThatThrownBy(() -> new RetriedMigration(1, Duration.ofSeconds(1)).retried("a reactive task", awayTwice).block(Duration.ofSeconds(10)))
                .hasRootCauseInstanceOf(ConnectException.class);
        assertThat(attempts).hasValue(2);
    }

    @Test
    @DisplayName("a failure that recurs is not waited on, reactive or not")
    void recurringFailureAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        Mono<String> broken = Mono.defer(() -> {
            attempts.incrementAndGet();
            return Mono.error(new IllegalArgumentException("a key that is not configured"));
        });

        assertThatThrownBy(() -> new RetriedMigration(12, Duration.ofSeconds(10)).retried("a reactive task", broken).block(Duration.ofSeconds(10)))
                .hasMessageContaining("not configured");
        assertThat(attempts).hasValue(1);
    }
}

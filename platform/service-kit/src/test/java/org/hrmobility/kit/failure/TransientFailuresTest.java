package org.hrmobility.kit.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import org.hrmobility.kit.domain.DomainException;
import org.hrmobility.kit.inbox.MalformedEventException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.messaging.MessagingException;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;

class TransientFailuresTest {

    @Test
    @DisplayName("the database or broker away, a timeout, a restart, a serialization conflict: failures that pass, however deeply wrapped")
    void passing() {
        assertThat(TransientFailures.isTransient(new MessagingException("listener failed",
                new DataAccessResourceFailureException("pool", new R2dbcNonTransientResourceException("Connection refused"))))).isTrue();
        assertThat(TransientFailures.isTransient(new IllegalStateException("Timeout on blocking read", new TimeoutException()))).isTrue();
        assertThat(TransientFailures.isTransient(new UncheckedIOException(new ConnectException("refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new R2dbcException("terminating connection due to administrator command", "57P01") {
        })).isTrue();
        assertThat(TransientFailures.isTransient(new R2dbcException("could not serialize access", "40001") {
        })).isTrue();
        assertThat(TransientFailures.isTransient(new R2dbcException("canceling statement due to lock timeout", "55P03") {
        })).isTrue();
        assertThat(TransientFailures.isTransient(new org.apache.kafka.common.errors.TimeoutException("broker"))).isTrue();
        // JDBC, as the relay and the migrations at start meet it
        assertThat(TransientFailures.isTransient(new IllegalStateException("migration failed",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(TransientFailures.isTransient(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    @DisplayName("a malformed message, a refusal by a rule, a constraint, a bug: failures that recur, whatever the wait")
    void recurring() {
        assertThat(TransientFailures.isTransient(new MalformedEventException("not a CloudEvents message", null))).isFalse();
        assertThat(TransientFailures.isTransient(new DomainException(422, "refused", "Refused", "no", null) {
        })).isFalse();
        assertThat(TransientFailures.isTransient(new DataIntegrityViolationException("duplicate",
                new R2dbcException("duplicate key", "23505") {
                }))).isFalse();
        assertThat(TransientFailures.isTransient(new R2dbcBadGrammarException("syntax error", "42601"))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("a bug"))).isFalse();
        assertThat(TransientFailures.isTransient(new SQLException("relation \"x\" does not exist", "42P01"))).isFalse();
    }
}

package org.hrmobility.kit.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.hrmobility.kit.test.ServiceIntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/** The decision loop's transactions, on the real database. */
@ServiceIntegrationTest
class DecisionsIT {

    @Autowired
    Decisions decisions;

    @Autowired
    DatabaseClient db;

    private Mono<Void> line(String aggregateId, String action) {
        return db.sql("insert into hrm_kit.audit_entry (aggregate_type, aggregate_id, at, actor_subject, action)"
                        + " values ('test', :id, now(), 'test', :action)")
                .bind("id", aggregateId).bind("action", action).then();
    }

    private long lines(String aggregateId) {
        return db.sql("select count(*) from hrm_kit.audit_entry where aggregate_id = :id").bind("id", aggregateId)
                .map(row -> row.get(0, Long.class)).one().block();
    }

    @Test
    @DisplayName("All or nothing, whatever the caller does: a command whose caller goes away between its statements (a gateway timeout) still commits all of them, never a part (the chaos campaign's partial effect)")
    void cancelledCallerStillCommitsTheWhole() throws InterruptedException {
        String id = "cancel-" + UUID.randomUUID();
        Disposable caller = decisions.inTransaction(line(id, "first")
                        .then(Mono.delay(Duration.ofMillis(400)))
                        .then(line(id, "second")))
                .subscribe();
        // the caller goes away while the command waits between its two statements
        Thread.sleep(100);
        caller.dispose();

        await().atMost(Duration.ofSeconds(10)).until(() -> lines(id) == 2);
        assertThat(lines(id)).isEqualTo(2);
    }

    @Test
    @DisplayName("All or nothing: a command that fails after its first statement leaves nothing")
    void failureLeavesNothing() {
        String id = "fail-" + UUID.randomUUID();
        Mono<Void> failing = decisions.inTransaction(line(id, "first").then(Mono.error(new IllegalStateException("refused"))));

        assertThat(org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, failing::block)).hasMessage("refused");
        assertThat(lines(id)).isZero();
    }
}

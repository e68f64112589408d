package org.hrmobility.kit.outbox;

import java.time.Duration;

import org.hrmobility.kit.failure.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * How a service's start waits for a database that is away for a moment (a restart): what it migrates at start, the
 * kit's schema, its own and its own data (the notification service's resealing of webhook secrets), is run again
 * after a failure that passes, not only when the first connection is refused (all Flyway's own
 * {@code connectRetries} covers). Without it a service that starts during a database restart exits, and stays down
 * until an operator starts it. Flyway migrates PostgreSQL in transactions under an advisory lock, so a cut attempt
 * left nothing half done and the next one starts clean. One setting for all of them: {@code hrm.migration.retries}
 * and {@code hrm.migration.max-interval}, the kit's bean.
 *
 * @param retries     how many times to run it again after a failure that passes; one that recurs (a broken
 *                    migration, a checksum mismatch, a database that does not exist) is thrown at once
 * @param maxInterval the longest wait between two attempts (1 s first, then twice as long each time)
 */
public record RetriedMigration(int retries, Duration maxInterval) {

    private static final Logger log = LoggerFactory.getLogger(RetriedMigration.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    /** Tried once, as in a test that wants the first failure. */
    public static final RetriedMigration NONE = new RetriedMigration(0, FIRST_WAIT);

    public RetriedMigration {
        maxInterval = maxInterval.compareTo(FIRST_WAIT) < 0 ? FIRST_WAIT : maxInterval;
    }

    /** Runs a blocking migration, again after a transient failure. */
    public void run(String what, Runnable migration) {
        Backoff backoff = new Backoff(FIRST_WAIT, maxInterval);
        for (int attempt = 0; ; attempt++) {
            try {
                migration.run();
                return;
            } catch (RuntimeException e) {
                if (attempt >= retries || !TransientFailures.isTransient(e)) {
                    throw e;
                }
                Duration wait = backoff.next();
                log.warn("Migrating {} failed because the database went away ({}); trying again in {} s ({} of {})",
                        what, rootCause(e).getMessage(), wait.toSeconds(), attempt + 1, retries);
                sleep(wait);
            }
        }
    }

    /** The same for a reactive one: subscribed again after a transient failure, with the same waits. */
    public <T> Mono<T> retried(Mono<T> migration) {
        return migration.retryWhen(Retry.backoff(retries, FIRST_WAIT).maxBackoff(maxInterval).jitter(0)
                .filter(TransientFailures::isTransient));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}

package org.hrmobility.kit.outbox;

import java.time.Duration;

import org.hrmobility.kit.failure.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a schema migration at start again when the database goes away while it runs (a restart cutting its session),
 * not only when the first connection is refused (all Flyway's own {@code connectRetries} covers). Without it a service
 * that starts during a database restart exits, and stays down until an operator starts it. Flyway migrates PostgreSQL
 * in transactions under an advisory lock, so a cut attempt left nothing half done and the next one starts clean.
 */
public final class RetriedMigration {

    private static final Logger log = LoggerFactory.getLogger(RetriedMigration.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);

    private RetriedMigration() {
    }

    /**
     * @param retries     how many times to run it again after a failure that passes; one that recurs (a broken
     *                    migration, a checksum mismatch) is thrown at once
     * @param maxInterval the longest wait between two attempts (1 s first, then twice as long each time)
     */
    public static void run(String what, Runnable migration, int retries, Duration maxInterval) {
        Backoff backoff = new Backoff(FIRST_WAIT, maxInterval.compareTo(FIRST_WAIT) < 0 ? FIRST_WAIT : maxInterval);
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

package org.hrmobility.kit.outbox;

import java.time.Duration;

import org.hrmobility.kit.failure.TransientFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
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

    /** Runs a blocking migration, again after a transient failure; the failure that ends it is thrown as it came. */
    public void run(String what, Runnable migration) {
        retried(what, Mono.fromRunnable(migration)).block();
    }

    /**
     * Subscribes to a migration again after a transient failure, 1 s first, then twice as long each time, at most
     * {@code maxInterval}, each retry logged; the failure that ends it (recurring, or the last) is the one it ends with.
     */
    public <T> Mono<T> retried(String what, Mono<T> migration) {
        // a retry runs on the thread its wait ends on: one that may block (a Flyway migration), not a parallel one
        return migration.retryWhen(Retry.backoff(retries, FIRST_WAIT).maxBackoff(maxInterval).jitter(0)
                .scheduler(Schedulers.boundedElastic())
                .filter(TransientFailures::isTransient)
                .doBeforeRetry(signal -> log.warn("Migrating {} failed because the database went away ({}); trying again in {} s ({} of {})",
                        what, rootCause(signal.failure()).getMessage(), waitBefore(signal.totalRetries()).toSeconds(),
                        signal.totalRetries() + 1, retries))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure()));
    }

    /** The wait before retry {@code n} (from 0): what {@link Retry#backoff} waits without jitter. */
    private Duration waitBefore(long n) {
        Duration doubled = FIRST_WAIT.multipliedBy(1L << Math.min(n, 20));
        return doubled.compareTo(maxInterval) > 0 ? maxInterval : doubled;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

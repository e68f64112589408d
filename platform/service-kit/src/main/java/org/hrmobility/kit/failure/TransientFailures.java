package org.hrmobility.kit.failure;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;

/**
 * Tells a failure that will pass (the database or the broker away for a while, a timeout, a conflict with a concurrent
 * transaction) from one that will recur whatever the wait (a malformed message, a payload a rule refuses). A consumer
 * retries the first kind without end and sends only the second kind to the dead-letter topic: an infrastructure blip
 * must never turn into manual work.
 */
public final class TransientFailures {

    /** PostgreSQL error classes that pass: connection (08), transaction rollback (40: serialization, deadlock),
     *  insufficient resources (53), system error (58). */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "58");
    /** And these: shutdown and restart (57P01..57P03), a statement or lock timeout (57014, 55P03). */
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("57P01", "57P02", "57P03", "57014", "55P03");

    private TransientFailures() {
    }

    /** True when this failure or any of its causes is one that passes. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (isTransientItself(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable t) {
        return t instanceof R2dbcTransientException
                || t instanceof R2dbcNonTransientResourceException
                || t instanceof TransientDataAccessException
                || t instanceof RecoverableDataAccessException
                || t instanceof DataAccessResourceFailureException
                || t instanceof CannotCreateTransactionException
                || t instanceof IOException
                || t instanceof TimeoutException
                || t instanceof org.apache.kafka.common.errors.RetriableException
                || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException
                || (t instanceof R2dbcException r2dbc && transientSqlState(r2dbc.getSqlState()))
                || (t instanceof SQLException jdbc && transientSqlState(jdbc.getSQLState()));
    }

    private static boolean transientSqlState(String state) {
        return state != null && state.length() == 5
                && (TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2)) || TRANSIENT_SQL_STATES.contains(state));
    }
}

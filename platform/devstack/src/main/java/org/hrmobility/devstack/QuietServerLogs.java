package org.hrmobility.devstack;

import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * The broker and the database wrapper log every internal step; the suite's own logs must stay readable. Spring
 * applications set the same levels in their defaults, because Spring Boot re-initialises logging.
 */
final class QuietServerLogs {

    static final List<String> SERVER_LOGGERS =
            List.of("kafka", "org.apache.kafka", "state.change.logger", "io.zonky", "org.apache.zookeeper");

    private QuietServerLogs() {
    }

    /** A process of its own (a Kafka node) has no logging configuration: only INFO and up, not logback's DEBUG default. */
    static void rootAtInfo() {
        if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        }
    }

    /** Runs {@code action} with this logger (and those below it) silent, when logging is Logback's. */
    static void silenced(String name, Runnable action) {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            action.run();
            return;
        }
        Logger logger = context.getLogger(name);
        Level before = logger.getLevel();
        logger.setLevel(Level.OFF);
        try {
            action.run();
        } finally {
            logger.setLevel(before);
        }
    }

    static void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext context)) {
            return;
        }
        for (String name : SERVER_LOGGERS) {
            Logger logger = context.getLogger(name);
            if (logger.getLevel() == null) {
                logger.setLevel(Level.WARN);
            }
        }
    }
}

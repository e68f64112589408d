package org.hrmobility.devstack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the devstack's servers run. Each value is read from a system property, then from the environment:
 * <ul>
 *   <li>{@code hrm.devstack.kafka-port} / {@code HRM_DEVSTACK_KAFKA_PORT}: default 19092, 0 picks a free port;</li>
 *   <li>{@code hrm.devstack.postgres-port} / {@code HRM_DEVSTACK_POSTGRES_PORT}: default 15432, 0 picks a free port;</li>
 *   <li>{@code hrm.devstack.data-dir} / {@code HRM_DEVSTACK_DATA_DIR}: keep data there between runs; unset starts clean
 *       and deletes everything at stop;</li>
 *   <li>{@code KAFKA_BOOTSTRAP_SERVERS}: use that Kafka instead of starting one;</li>
 *   <li>{@code POSTGRES_URL} (e.g. {@code jdbc:postgresql://db:5432/postgres}), {@code POSTGRES_USER},
 *       {@code POSTGRES_PASSWORD}: use that PostgreSQL instead of starting one;</li>
 *   <li>{@code hrm.devstack.kafka-brokers} / {@code HRM_DEVSTACK_KAFKA_BROKERS}: default 1, a broker in this JVM; 3 runs a
 *       cluster of three nodes, each its own process ({@link KafkaCluster}), on the Kafka port and the two after it;</li>
 *   <li>{@code hrm.devstack.postgres-durability} / {@code HRM_DEVSTACK_POSTGRES_DURABILITY}: {@code fast} (default),
 *       {@code synchronous-commit} (an answered commit survives a crash of the server) or {@code durable} (fsync,
 *       synchronous commit and full-page writes on, as production runs; see {@link PostgresDurability}).</li>
 * </ul>
 */
public record DevstackSettings(
        int kafkaPort,
        int postgresPort,
        Optional<Path> dataDirectory,
        Optional<String> externalKafka,
        Optional<ExternalPostgres> externalPostgres,
        int kafkaBrokers,
        PostgresDurability postgresDurability) {

    public DevstackSettings {
        if (kafkaBrokers < 1) {
            throw new DevstackException("hrm.devstack.kafka-brokers must be 1 or more, not " + kafkaBrokers);
        }
    }

    /** One broker in this JVM and PostgreSQL's fast commits: the settings of tests and of the plain local run. */
    public DevstackSettings(int kafkaPort, int postgresPort, Optional<Path> dataDirectory, Optional<String> externalKafka,
                            Optional<ExternalPostgres> externalPostgres) {
        this(kafkaPort, postgresPort, dataDirectory, externalKafka, externalPostgres, 1, PostgresDurability.FAST);
    }

    public DevstackSettings withKafkaBrokers(int brokers) {
        return new DevstackSettings(kafkaPort, postgresPort, dataDirectory, externalKafka, externalPostgres, brokers,
                postgresDurability);
    }

    public DevstackSettings withPostgresDurability(PostgresDurability durability) {
        return new DevstackSettings(kafkaPort, postgresPort, dataDirectory, externalKafka, externalPostgres, kafkaBrokers,
                durability);
    }

    public static final int DEFAULT_KAFKA_PORT = 19092;
    public static final int DEFAULT_POSTGRES_PORT = 15432;

    public record ExternalPostgres(String jdbcUrl, String user, String password) {
    }

    /** The settings of the local run: fixed default ports. */
    public static DevstackSettings fromEnvironment() {
        return from(DevstackSettings::lookup, DEFAULT_KAFKA_PORT, DEFAULT_POSTGRES_PORT);
    }

    /** The settings of a test JVM: free ports unless set, so tests run beside a running suite. */
    public static DevstackSettings forTests() {
        return from(DevstackSettings::lookup, 0, 0);
    }

    static DevstackSettings from(Function<String, String> lookup, int defaultKafkaPort, int defaultPostgresPort) {
        Optional<String> externalKafka = Optional.ofNullable(lookup.apply("KAFKA_BOOTSTRAP_SERVERS")).filter(s -> !s.isBlank());
        Optional<ExternalPostgres> externalPostgres = Optional.ofNullable(lookup.apply("POSTGRES_URL"))
                .filter(s -> !s.isBlank())
                .map(url -> new ExternalPostgres(url,
                        Optional.ofNullable(lookup.apply("POSTGRES_USER")).orElse("postgres"),
                        Optional.ofNullable(lookup.apply("POSTGRES_PASSWORD")).orElse("")));
        return new DevstackSettings(
                port(lookup, "hrm.devstack.kafka-port", defaultKafkaPort),
                port(lookup, "hrm.devstack.postgres-port", defaultPostgresPort),
                Optional.ofNullable(lookup.apply("hrm.devstack.data-dir")).filter(s -> !s.isBlank()).map(Path::of),
                externalKafka,
                externalPostgres,
                count(lookup, "hrm.devstack.kafka-brokers", 1),
                Optional.ofNullable(lookup.apply("hrm.devstack.postgres-durability")).filter(s -> !s.isBlank())
                        .map(value -> PostgresDurability.parse(value, "hrm.devstack.postgres-durability"))
                        .orElse(PostgresDurability.FAST));
    }

    private static int count(Function<String, String> lookup, String key, int fallback) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new DevstackException(key + " must be a number, not '" + value + "'");
        }
    }

    static DevstackSettings of(Map<String, String> values) {
        return from(values::get, DEFAULT_KAFKA_PORT, DEFAULT_POSTGRES_PORT);
    }

    private static int port(Function<String, String> lookup, String key, int fallback) {
        String value = lookup.apply(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new DevstackException(key + " must be a port number (0 for any free port), not '" + value + "'");
        }
    }

    /** A system property first, then the environment variable of the same name in upper snake case. */
    private static String lookup(String key) {
        String value = System.getProperty(key);
        if (value != null) {
            return value;
        }
        value = System.getenv(key);
        return value != null ? value : System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_'));
    }
}

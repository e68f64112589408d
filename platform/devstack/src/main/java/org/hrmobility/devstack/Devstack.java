package org.hrmobility.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The servers the suite needs: a Kafka broker and a PostgreSQL server with one database per service. Started
 * in this JVM unless {@link DevstackSettings} names external servers; several brokers run as a {@link KafkaCluster}
 * of processes. Tests share one instance per JVM through
 * {@link #shared()}; the local launcher owns its own.
 */
public final class Devstack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Devstack.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private static Devstack shared;

    private final Path dataDirectory;
    private final boolean temporaryData;
    private final KafkaBroker kafka;
    private final KafkaCluster kafkaCluster;
    private final PostgresServer postgres;
    private final Endpoints endpoints;
    private long startMillis;

    /**
     * Where clients reach the servers.
     *
     * @param postgresAdminUrl a JDBC URL of the {@code postgres} maintenance database
     */
    public record Endpoints(String kafkaBootstrapServers, String postgresHost, int postgresPort,
                            String postgresUser, String postgresPassword, String postgresAdminUrl) {

        public String jdbcUrl(String database) {
            return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
        }

        public String r2dbcUrl(String database) {
            return "r2dbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
        }
    }

    private Devstack(DevstackSettings settings) {
        this.temporaryData = settings.dataDirectory().isEmpty();
        this.dataDirectory = settings.dataDirectory().map(Path::toAbsolutePath).orElseGet(Devstack::temporaryDirectory);
        boolean ownKafka = settings.externalKafka().isEmpty();
        this.kafka = ownKafka && settings.kafkaBrokers() == 1
                ? new KafkaBroker(Ports.resolve(settings.kafkaPort()), dataDirectory.resolve("kafka")) : null;
        this.kafkaCluster = ownKafka && settings.kafkaBrokers() > 1
                ? new KafkaCluster(settings.kafkaBrokers(), settings.kafkaPort(), dataDirectory.resolve("kafka-cluster")) : null;
        this.postgres = settings.externalPostgres().isPresent() ? null
                : new PostgresServer(Ports.resolve(settings.postgresPort()), dataDirectory.resolve("postgres"),
                        settings.postgresDurability());
        this.endpoints = endpoints(settings);
    }

    /** Starts the servers of these settings; stop them with {@link #close()}. */
    public static Devstack start(DevstackSettings settings) {
        return start(settings, stack -> { });
    }

    /**
     * Starts the servers of these settings and calls {@code whenDatabaseUp} as soon as PostgreSQL accepts connections
     * (at once with an external one), while Kafka may still be starting: what needs only the database (creating the
     * services' databases, starting processes whose Kafka clients wait for their broker) need not wait for both. A
     * failure there fails the start.
     */
    public static Devstack start(DevstackSettings settings, Consumer<Devstack> whenDatabaseUp) {
        QuietServerLogs.apply();
        Devstack stack = new Devstack(settings);
        stack.startServers(whenDatabaseUp);
        return stack;
    }

    /** The one devstack of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized Devstack shared() {
        if (shared == null) {
            Devstack stack = start(DevstackSettings.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
            shared = stack;
        }
        return shared;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** The in-JVM broker, to stop and start in tests; empty when an external Kafka is used. */
    public Optional<KafkaBroker> kafkaBroker() {
        return Optional.ofNullable(kafka);
    }

    /** The cluster of Kafka nodes, each its own process, when the settings ask for several brokers. */
    public Optional<KafkaCluster> kafkaCluster() {
        return Optional.ofNullable(kafkaCluster);
    }

    /** The PostgreSQL server this devstack runs (to restart it, to find its pid); empty when an external one is used. */
    public Optional<PostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    public long startMillis() {
        return startMillis;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Creates the database if it does not exist yet; safe to call from every service and test. */
    public synchronized void createDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a database name is lower-case letters, digits and _: " + name);
        }
        try (Connection connection = DriverManager.getConnection(endpoints.postgresAdminUrl(),
                endpoints.postgresUser(), endpoints.postgresPassword());
             PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database " + name);
            }
            log.info("Created database {}", name);
        } catch (SQLException e) {
            throw new DevstackException("Could not create database " + name + " at " + endpoints.postgresAdminUrl()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Stops the servers, Kafka first so that clients see it go before their database does. */
    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.stop();
        }
        if (kafkaCluster != null) {
            kafkaCluster.close();
        }
        if (postgres != null) {
            postgres.stop();
        }
        if (temporaryData) {
            deleteRecursively(dataDirectory);
        }
    }

    /**
     * PostgreSQL starts on its own thread while Kafka starts on this one: most of PostgreSQL's start is its own
     * processes (initdb, the server) and most of Kafka's is this JVM, so on two cores the two overlap well.
     */
    private void startServers(Consumer<Devstack> whenDatabaseUp) {
        long started = System.nanoTime();
        CompletableFuture<Void> database = CompletableFuture.runAsync(() -> {
            if (postgres != null) {
                postgres.start();
            }
            whenDatabaseUp.accept(this);
        }, runnable -> new Thread(runnable, "devstack-postgres-start").start());
        try {
            if (kafka != null) {
                kafka.start();
            }
            if (kafkaCluster != null) {
                kafkaCluster.start();
            }
            awaitStarted(database);
        } catch (RuntimeException e) {
            database.exceptionally(ignored -> null).join();
            close();
            throw e;
        }
        startMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.info("Devstack ready in {} ms: Kafka {}, PostgreSQL {}:{}", startMillis,
                endpoints.kafkaBootstrapServers(), endpoints.postgresHost(), endpoints.postgresPort());
    }

    /** Waits for a server started on another thread; its failure is thrown here as it would have been on this thread. */
    private static void awaitStarted(CompletableFuture<Void> server) {
        try {
            server.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private Endpoints endpoints(DevstackSettings s) {
        String bootstrap = s.externalKafka()
                .orElseGet(() -> kafka != null ? kafka.bootstrapServers() : kafkaCluster.bootstrapServers());
        return s.externalPostgres()
                .map(external -> {
                    URI uri = URI.create(external.jdbcUrl().replaceFirst("^jdbc:", ""));
                    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
                    return new Endpoints(bootstrap, uri.getHost(), port, external.user(), external.password(),
                            external.jdbcUrl());
                })
                .orElseGet(() -> new Endpoints(bootstrap, "localhost", postgres.port(), "postgres", "postgres",
                        "jdbc:postgresql://localhost:" + postgres.port() + "/postgres"));
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("hrm-devstack-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.warn("Could not delete the devstack's temporary data in {}: {}", root, e.getMessage());
        }
    }
}

package org.hrmobility.devstack;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * One real Kafka broker in KRaft combined mode (broker and controller in one node), running inside this JVM.
 * Its log directory survives {@link #stop()}, so {@link #start()} again brings back every topic, offset and
 * transaction: that is how tests take the broker away and give it back.
 * <p>
 * Alone it is a cluster of one (every topic one replica). As a {@link Membership member} of a {@link KafkaCluster}
 * it is one node of several, each in its own process: topics get a replica on every node (at most three) and need two
 * in sync to accept a write, and nothing is created by merely naming a topic ({@code auto.create.topics.enable=false}).
 */
public final class KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final int NODE_ID = 1;

    private final int port;
    private final int controllerPort;
    private final Path logDirectory;
    private final SaslListener sasl;
    private final Membership membership;
    private KafkaRaftServer server;

    /**
     * This node's place in a cluster of several: its id, the cluster's id (every node formats with it), the
     * controllers of all nodes ({@code 1@localhost:19192,2@localhost:19193,...}) and how many nodes there are.
     */
    public record Membership(int nodeId, String clusterId, String quorumVoters, int clusterSize) {

        /** Replicas of every topic: one per node, at most three. */
        public int replicas() {
            return Math.min(clusterSize, 3);
        }

        /** Replicas that must have a write before it is acknowledged (acks=all): two where there are three. */
        public int minInSyncReplicas() {
            return Math.max(1, replicas() - 1);
        }
    }

    /**
     * A second listener that authenticates clients with SASL PLAIN (no TLS): how a test proves that every Kafka client
     * of the suite takes the cluster's security settings, as on a production cluster.
     */
    public record SaslListener(int port, String username, String password) {

        /** The client settings (Spring Boot's {@code spring.kafka.*} names) that log in on this listener. */
        public Map<String, Object> springProperties() {
            return Map.of(
                    "spring.kafka.bootstrap-servers", "localhost:" + port,
                    "spring.kafka.security.protocol", "SASL_PLAINTEXT",
                    "spring.kafka.properties.sasl.mechanism", "PLAIN",
                    "spring.kafka.properties.sasl.jaas.config", jaas());
        }

        /** The same as Kafka client properties. */
        public Map<String, Object> clientProperties() {
            return Map.of("bootstrap.servers", "localhost:" + port, "security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", "PLAIN",
                    "sasl.jaas.config", jaas());
        }

        String jaas() {
            return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + username
                    + "\" password=\"" + password + "\";";
        }
    }

    public KafkaBroker(int port, Path logDirectory) {
        this(port, logDirectory, null);
    }

    public KafkaBroker(int port, Path logDirectory, SaslListener sasl) {
        this(port, Ports.pickFree(), logDirectory, sasl, null);
    }

    /** A node of a cluster of several (see {@link KafkaCluster}), with its controller on a port the other nodes know. */
    public KafkaBroker(int port, int controllerPort, Path logDirectory, Membership membership) {
        this(port, controllerPort, logDirectory, null, membership);
    }

    private KafkaBroker(int port, int controllerPort, Path logDirectory, SaslListener sasl, Membership membership) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.logDirectory = logDirectory;
        this.sasl = sasl;
        this.membership = membership;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        Ports.requireFree(port, "Kafka", "hrm.devstack.kafka-port (HRM_DEVSTACK_KAFKA_PORT)");
        Ports.requireFree(controllerPort, "the Kafka controller", membership == null ? "a restart (it is picked at random)"
                : "hrm.devstack.kafka-port (controllers listen 100 above the brokers)");
        long started = System.nanoTime();
        try {
            KafkaConfig config = KafkaConfig.fromProps(properties(), false);
            formatOnce(config);
            KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
            raftServer.startup();
            server = raftServer;
            // a node of a cluster is ready once its own process says so (KafkaNodeMain): the quorum needs the others
            if (membership == null) {
                awaitReady();
            }
        } catch (DevstackException e) {
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new DevstackException("Kafka did not start on port " + port + " with data in " + logDirectory
                    + ": " + e.getMessage(), e);
        }
        log.info("Kafka broker ready at {} in {} ms (data: {})", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), logDirectory);
    }

    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long started = System.nanoTime();
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
        log.info("Kafka broker at {} stopped in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.debug("Kafka did not stop cleanly after a failed start", e);
        }
    }

    Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(nodeId()));
        p.put("controller.quorum.voters", membership == null ? NODE_ID + "@localhost:" + controllerPort : membership.quorumVoters());
        String sasListener = sasl == null ? "" : ",SASL_PLAINTEXT://localhost:" + sasl.port();
        p.put("listeners", "PLAINTEXT://localhost:" + port + sasListener + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port + sasListener);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        if (sasl != null) {
            p.put("sasl.enabled.mechanisms", "PLAIN");
            p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + sasl.username() + "=\""
                            + sasl.password() + "\";");
        }
        p.put("log.dirs", logDirectory.toString());
        p.put("num.partitions", "3");
        // alone, a single broker: every internal topic has one replica, or transactions and groups never become ready.
        // In a cluster, as in production: every topic on three nodes, two in sync for a write, topics only created on purpose
        String replicas = membership == null ? "1" : String.valueOf(membership.replicas());
        String minInSync = membership == null ? "1" : String.valueOf(membership.minInSyncReplicas());
        p.put("auto.create.topics.enable", String.valueOf(membership == null));
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minInSync);
        p.put("offsets.topic.replication.factor", replicas);
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minInSync);
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minInSync);
        if (membership != null) {
            // a node killed with -9 comes back as it left: its partitions catch up from the others, and a replica left
            // behind is never made leader (acknowledged writes are not given up)
            p.put("unclean.leader.election.enable", "false");
            p.put("replica.lag.time.max.ms", "10000");
        }
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("controlled.shutdown.enable", "false");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "4");
        p.put("background.threads", "2");
        return p;
    }

    /** Formats the log directory the first time only, so a restart keeps the cluster and its data. */
    private void formatOnce(KafkaConfig config) throws Exception {
        if (Files.exists(logDirectory.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(logDirectory);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(nodeId())
                .setClusterId(membership == null ? Uuid.randomUuid().toString() : membership.clusterId())
                .setDirectories(List.of(logDirectory.toString()))
                .setMetadataLogDirectory(logDirectory.toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private int nodeId() {
        return membership == null ? NODE_ID : membership.nodeId();
    }

    public int port() {
        return port;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    private void awaitReady() throws Exception {
        Map<String, Object> admin = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin client = Admin.create(admin)) {
            client.describeCluster().nodes().get(30, TimeUnit.SECONDS);
        }
    }

}

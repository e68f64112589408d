package org.hrmobility.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of several KRaft nodes (broker and controller each), every node a process of its own started from this
 * JVM's classpath ({@link KafkaNodeMain}), with its data in a directory that survives the process: a node can be killed
 * with -9 by its pid and started again, and it catches up from the others. Topics get three replicas (one per node, at
 * most three) and need two in sync; nothing is created by merely naming a topic.
 * <p>
 * Brokers listen on consecutive ports from the first ({@code 19092, 19093, 19094}), their controllers 100 above
 * ({@code 19192, ...}); with port 0 every port is picked free.
 */
public final class KafkaCluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);
    static final int CONTROLLER_OFFSET = 100;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** A node's JVM: small and quick to start (the C1 compiler only), as the services' in the local run. */
    static final List<String> NODE_JVM = List.of("-XX:+UseSerialGC", "-Xss512k", "-Xms64m", "-Xmx320m",
            "-XX:MaxMetaspaceSize=128m", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError");

    /** One node: its id (from 1), where its broker and controller listen, its data and its log. */
    public record NodeSpec(int id, int port, int controllerPort, Path dataDirectory, Path log) {

        public String address() {
            return "localhost:" + port;
        }
    }

    private final List<NodeSpec> nodes;
    private final String clusterId;
    private final Map<Integer, Process> processes = new ConcurrentHashMap<>();

    public KafkaCluster(int size, int firstPort, Path directory) {
        if (size < 2) {
            throw new IllegalArgumentException("a cluster has two nodes or more; one broker runs in the JVM (KafkaBroker)");
        }
        List<NodeSpec> specs = new ArrayList<>();
        for (int id = 1; id <= size; id++) {
            int port = firstPort == 0 ? Ports.pickFree() : firstPort + id - 1;
            int controller = firstPort == 0 ? Ports.pickFree() : firstPort + CONTROLLER_OFFSET + id - 1;
            specs.add(new NodeSpec(id, port, controller, directory.resolve("node-" + id), directory.resolve("node-" + id + ".log")));
        }
        this.nodes = List.copyOf(specs);
        this.clusterId = clusterId(directory);
    }

    public List<NodeSpec> nodes() {
        return nodes;
    }

    public String bootstrapServers() {
        return nodes.stream().map(NodeSpec::address).collect(Collectors.joining(","));
    }

    /** The static controller quorum every node is given: {@code 1@localhost:19192,2@localhost:19193,...}. */
    public String quorumVoters() {
        return voters(nodes);
    }

    static String voters(List<NodeSpec> nodes) {
        return nodes.stream().map(n -> n.id() + "@localhost:" + n.controllerPort()).collect(Collectors.joining(","));
    }

    /** Starts every node at once (the quorum needs a majority) and waits until each has joined. */
    public synchronized void start() {
        long started = System.nanoTime();
        for (NodeSpec node : nodes) {
            Ports.requireFree(node.port(), "Kafka broker " + node.id(), "hrm.devstack.kafka-port (HRM_DEVSTACK_KAFKA_PORT)");
            Ports.requireFree(node.controllerPort(), "the Kafka controller of node " + node.id(),
                    "hrm.devstack.kafka-port (controllers listen " + CONTROLLER_OFFSET + " above the brokers)");
        }
        nodes.forEach(this::launch);
        for (NodeSpec node : nodes) {
            awaitJoined(node, READY_TIMEOUT);
        }
        log.info("Kafka cluster of {} nodes ready at {} in {} ms", nodes.size(), bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    public NodeSpec node(int id) {
        return nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka node " + id + "; the nodes are 1 to " + nodes.size()));
    }

    /** The node's process id, or -1 when it does not run. */
    public long pid(int id) {
        Process process = processes.get(id);
        return process != null && process.isAlive() ? process.pid() : -1;
    }

    public boolean isRunning(int id) {
        return pid(id) > 0;
    }

    /** Kills the node's process at once (SIGKILL), as a crash would. */
    public void kill(int id) {
        node(id);
        Process process = processes.get(id);
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            waitFor(process, Duration.ofSeconds(10));
        }
    }

    /** Stops the node as an operator would (SIGTERM), waiting for it to leave. */
    public void stop(int id) {
        node(id);
        Process process = processes.get(id);
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!waitFor(process, Duration.ofSeconds(30))) {
                process.destroyForcibly();
                waitFor(process, Duration.ofSeconds(10));
            }
        }
    }

    /** Starts a node that does not run (stopped or killed) on its own data, and waits until it has joined the cluster. */
    public void start(int id) {
        NodeSpec node = node(id);
        synchronized (this) {
            if (isRunning(id)) {
                return;
            }
            Ports.requireFree(node.port(), "Kafka broker " + id, "a restart (is the node still running?)");
            launch(node);
        }
        awaitJoined(node, READY_TIMEOUT);
    }

    /**
     * Partitions with fewer replicas in sync than they have, over every topic; 0 once every node has caught up.
     * Empty when the cluster could not be asked.
     */
    public Optional<Integer> underReplicatedPartitions() {
        try (Admin admin = admin(bootstrapServers())) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            Collection<TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values();
            int under = 0;
            for (TopicDescription topic : described) {
                for (TopicPartitionInfo partition : topic.partitions()) {
                    if (partition.isr().size() < partition.replicas().size()) {
                        under++;
                    }
                }
            }
            return Optional.of(under);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Stops every node (SIGTERM, all at once), killing those that do not stop in time. */
    @Override
    public void close() {
        processes.values().forEach(p -> {
            if (p.isAlive()) {
                p.destroy();
            }
        });
        processes.values().forEach(p -> {
            if (!waitFor(p, Duration.ofSeconds(30))) {
                p.destroyForcibly();
                waitFor(p, Duration.ofSeconds(10));
            }
        });
    }

    private void launch(NodeSpec node) {
        List<String> arguments = List.of("--node-id", String.valueOf(node.id()), "--port", String.valueOf(node.port()),
                "--controller-port", String.valueOf(node.controllerPort()), "--voters", quorumVoters(),
                "--cluster-id", clusterId, "--cluster-size", String.valueOf(nodes.size()),
                "--data", node.dataDirectory().toString(), "--parent-pid", String.valueOf(ProcessHandle.current().pid()));
        try {
            Files.createDirectories(node.dataDirectory());
            Process process = new ProcessBuilder(JavaCommand.of(NODE_JVM, KafkaNodeMain.class.getName(), arguments))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(node.log().toFile()))
                    .start();
            processes.put(node.id(), process);
        } catch (IOException e) {
            throw new DevstackException("cannot start Kafka node " + node.id() + ": " + e.getMessage(), e);
        }
    }

    private void awaitJoined(NodeSpec node, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin(node.address())) {
            while (System.nanoTime() < deadline) {
                Process process = processes.get(node.id());
                if (process == null || !process.isAlive()) {
                    throw new DevstackException("Kafka node " + node.id() + " stopped while starting. The end of its log, "
                            + node.log() + ":\n" + tail(node.log(), 30));
                }
                try {
                    Collection<Node> alive = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                    if (alive.stream().anyMatch(n -> n.id() == node.id())) {
                        return;
                    }
                } catch (Exception notYet) {
                    // not listening yet, or no quorum yet
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevstackException("interrupted while Kafka node " + node.id() + " was starting");
        }
        throw new DevstackException("Kafka node " + node.id() + " did not join the cluster within " + timeout.toSeconds()
                + " s. The end of its log, " + node.log() + ":\n" + tail(node.log(), 30));
    }

    private static Admin admin(String bootstrap) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000));
    }

    /** The cluster's id, the same for every node: made once and kept beside the nodes' data. */
    private static String clusterId(Path directory) {
        Path file = directory.resolve("cluster.id");
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(directory);
            String id = Uuid.randomUuid().toString();
            Files.writeString(file, id, StandardCharsets.UTF_8);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Kafka cluster's id in " + file, e);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}

package org.hrmobility.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One node of a {@link KafkaCluster} as its own process, so that it can be killed with -9 on its own and started again
 * on the same data: {@code KafkaNodeMain --node-id 2 --port 19093 --controller-port 19193
 * --voters 1@localhost:19192,2@localhost:19193,3@localhost:19194 --cluster-id ID --cluster-size 3 --data DIR}.
 * Prints {@value #READY} with the node's id once the broker has started; stops on SIGTERM, and when the process given
 * as {@code --parent-pid} ends.
 */
public final class KafkaNodeMain {

    static final String READY = "hrm-kafka-node-ready";

    private KafkaNodeMain() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        QuietServerLogs.apply();
        QuietServerLogs.rootAtInfo();
        int nodeId = Integer.parseInt(required(options, "node-id"));
        KafkaBroker broker = new KafkaBroker(Integer.parseInt(required(options, "port")),
                Integer.parseInt(required(options, "controller-port")), Path.of(required(options, "data")),
                new KafkaBroker.Membership(nodeId, required(options, "cluster-id"), required(options, "voters"),
                        Integer.parseInt(required(options, "cluster-size"))));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-node-shutdown"));
        // the process that started the node is gone (killed with -9 itself): the node goes too, instead of holding its ports
        Optional.ofNullable(options.get("parent-pid")).map(Long::parseLong).flatMap(ProcessHandle::of)
                .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
        try {
            broker.start();
        } catch (DevstackException e) {
            System.err.println("kafka node " + nodeId + ": " + e.getMessage());
            System.exit(2);
        }
        System.out.println(READY + " " + nodeId);
        System.out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, not " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}

package org.hrmobility.local.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hrmobility.devstack.PostgresDurability;
import org.hrmobility.devstack.Ports;

/**
 * How to run the suite: where the repository is (to find the built jars), where to keep data, which services,
 * and on which ports. Ports default to those in the README; each can be moved with {@code HRM_<NAME>_PORT}, e.g.
 * {@code HRM_GATEWAY_PORT=18080}; {@link #withFreePorts()} picks free ones (tests).
 * <p>
 * As a small cluster: {@code --instances 2} runs every service twice (the second instance 100 ports above the first,
 * {@code HRM_MOBILITY_2_PORT} moves it; both on the service's one database) behind the gateway, which balances between
 * them; {@code --brokers 3} runs three Kafka nodes, each its own process, on the Kafka port and the two after it.
 * {@code --control} reads commands on standard input (see {@link SuiteControl}), for the chaos run. {@code --durable} runs
 * PostgreSQL as production does (fsync, synchronous commit, full-page writes), as {@code HRM_DEVSTACK_POSTGRES_DURABILITY}
 * can too.
 *
 * @param instances  instances of each service (the gateway, the console and the identity provider run once)
 * @param brokers    Kafka nodes: 1 in the launcher's JVM, more as a cluster of processes
 * @param durability PostgreSQL's, when asked for; otherwise {@link #postgresDurability()} decides
 */
public record SuiteOptions(Path home, Optional<Path> dataDirectory, Set<String> only, Map<String, Integer> ports,
                           int instances, int brokers, boolean control, Optional<PostgresDurability> durability) {

    /** Instances of a service start this many ports above the one before. */
    static final int INSTANCE_PORT_STEP = 100;

    public static final String IDENTITY = "identity-provider";
    public static final String KAFKA = "kafka";
    public static final String POSTGRES = "postgres";
    public static final String SMTP = "smtp";
    public static final String IMAP = "imap";
    /** The web console, reached through the gateway at {@code /console}. */
    public static final String CONSOLE = "console";

    /** The processes of the suite with their default ports, in start order. */
    static final Map<String, Integer> DEFAULT_PORTS = defaults();

    private static Map<String, Integer> defaults() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(KAFKA, 19092);
        ports.put(POSTGRES, 15432);
        ports.put(SMTP, 3025);
        ports.put(IMAP, 3143);
        ports.put(IDENTITY, 9000);
        ports.put("gateway", 8080);
        ports.put("mobility-service", 8081);
        ports.put("redeployment-service", 8082);
        ports.put("evaluation-service", 8083);
        ports.put("notification-service", 8084);
        ports.put(CONSOLE, 8085);
        return ports;
    }

    /**
     * Reads {@code --data-dir DIR}, {@code --only a,b} (service names; the devstack and identity provider always run),
     * {@code --instances N}, {@code --brokers N}, {@code --control} and {@code --durable}.
     */
    public static SuiteOptions parse(String[] args, Function<String, String> env) {
        Optional<Path> dataDirectory = Optional.ofNullable(env.apply("HRM_DEVSTACK_DATA_DIR")).filter(s -> !s.isBlank()).map(Path::of);
        Optional<PostgresDurability> durability = Optional.ofNullable(env.apply("HRM_DEVSTACK_POSTGRES_DURABILITY"))
                .filter(s -> !s.isBlank()).map(s -> PostgresDurability.parse(s, "HRM_DEVSTACK_POSTGRES_DURABILITY"));
        Set<String> only = Set.of();
        int instances = 1;
        int brokers = 1;
        boolean control = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDirectory = Optional.of(Path.of(value(args, ++i, "--data-dir")));
                case "--only" -> only = Arrays.stream(value(args, ++i, "--only").split(",")).map(String::trim)
                        .map(s -> isProcess(s) ? s : s + "-service")
                        .collect(Collectors.toUnmodifiableSet());
                case "--instances" -> instances = count(value(args, ++i, "--instances"), "--instances", 1, 9);
                case "--brokers" -> brokers = count(value(args, ++i, "--brokers"), "--brokers", 1, 9);
                case "--control" -> control = true;
                case "--durable" -> durability = Optional.of(PostgresDurability.DURABLE);
                default -> throw new LaunchException("unknown option " + args[i]
                        + "; use --data-dir DIR, --only a,b, --instances N, --brokers N, --durable and --control");
            }
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, port) -> ports.put(name, port(env, name, port)));
        for (String service : DEFAULT_PORTS.keySet().stream().filter(s -> s.endsWith("-service")).toList()) {
            for (int instance = 2; instance <= instances; instance++) {
                String key = portKey(service, instance);
                ports.put(key, port(env, key, ports.get(service) + (instance - 1) * INSTANCE_PORT_STEP));
            }
        }
        for (String service : only) {
            if (!DEFAULT_PORTS.containsKey(service)) {
                throw new LaunchException("unknown service " + service + "; the suite has "
                        + DEFAULT_PORTS.keySet().stream().filter(SuiteOptions::isProcess).toList());
            }
        }
        return new SuiteOptions(findHome(), dataDirectory, only, Map.copyOf(ports), instances, brokers, control, durability);
    }

    /**
     * A free port for every process, each its own: two picks can land on the same free port, which only the second
     * process to bind finds taken (a service failing its start on the broker's port).
     */
    public SuiteOptions withFreePorts() {
        Map<String, Integer> free = new LinkedHashMap<>();
        Set<Integer> taken = new HashSet<>();
        for (String name : ports.keySet()) {
            int port = Ports.pickFree();
            while (!taken.add(port)) {
                port = Ports.pickFree();
            }
            free.put(name, port);
        }
        return new SuiteOptions(home, dataDirectory, only, Map.copyOf(free), instances, brokers, control, durability);
    }

    public SuiteOptions withDataDirectory(Path directory) {
        return new SuiteOptions(home, Optional.ofNullable(directory), only, ports, instances, brokers, control, durability);
    }

    public SuiteOptions withOnly(Set<String> services) {
        return new SuiteOptions(home, dataDirectory, Set.copyOf(services), ports, instances, brokers, control, durability);
    }

    /** Several instances of each service, or several Kafka nodes: run as production would (durable commits, replicas). */
    public boolean cluster() {
        return instances > 1 || brokers > 1;
    }

    /**
     * PostgreSQL's durability: as asked for; else a cluster's commits survive a crash of the server (the chaos run
     * kills it) and the plain local run's are fast.
     */
    public PostgresDurability postgresDurability() {
        return durability.orElse(cluster() ? PostgresDurability.SYNCHRONOUS_COMMIT : PostgresDurability.FAST);
    }

    /**
     * The process name of one instance of a service: the service's name when it runs once, {@code mobility-service-1},
     * {@code mobility-service-2} ... when it runs several times.
     */
    public String instanceName(String service, int instance) {
        return instances > 1 && service.endsWith("-service") ? service + "-" + instance : service;
    }

    /** The key of an instance's port: the service's own for the first, {@code mobility-service-2} for the second. */
    static String portKey(String service, int instance) {
        return instance <= 1 ? service : service + "-" + instance;
    }

    public int port(String name) {
        return ports.get(name);
    }

    public String issuer() {
        return "http://localhost:" + port(IDENTITY);
    }

    /** Where people reach the suite: the gateway. */
    public String publicUrl() {
        return "http://localhost:" + port("gateway");
    }

    /** A process the launcher starts from a built jar: a service, the gateway, the console. */
    static boolean isProcess(String name) {
        return name.endsWith("-service") || name.equals("gateway") || name.equals(CONSOLE);
    }

    boolean runs(String service) {
        return only.isEmpty() || only.contains(service);
    }

    static String portVariable(String name) {
        return "HRM_" + name.replace("-service", "").replace('-', '_').toUpperCase() + "_PORT";
    }

    private static int port(Function<String, String> env, String name, int fallback) {
        String value = env.apply(portVariable(name));
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new LaunchException(portVariable(name) + " must be a port number, not '" + value + "'");
        }
    }

    private static int count(String value, String option, int min, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the sentence below
        }
        throw new LaunchException(option + " must be a number from " + min + " to " + max + ", not '" + value + "'");
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new LaunchException(option + " needs a value");
        }
        return args[i];
    }

    /** The repository root: {@code hrm.home}, else the working directory or its ancestor holding deploy/local. */
    static Path findHome() {
        String configured = System.getProperty("hrm.home");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("deploy/local")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new LaunchException("cannot find the repository (a folder with deploy/local); run from inside it or set -Dhrm.home");
    }
}

package org.hrmobility.local.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hrmobility.devstack.Ports;

/**
 * How to run the suite: where the repository is (to find the built jars), where to keep data, which services,
 * and on which ports. Ports default to DESIGN.md's; each can be moved with {@code HRM_<NAME>_PORT}, e.g.
 * {@code HRM_GATEWAY_PORT=18080}; {@link #withFreePorts()} picks free ones (tests).
 */
public record SuiteOptions(Path home, Optional<Path> dataDirectory, Set<String> only, Map<String, Integer> ports) {

    public static final String IDENTITY = "identity-provider";
    public static final String KAFKA = "kafka";
    public static final String POSTGRES = "postgres";
    public static final String SMTP = "smtp";
    public static final String IMAP = "imap";

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
        return ports;
    }

    /** Reads {@code --data-dir DIR} and {@code --only a,b} (service names; the devstack and identity provider always run). */
    public static SuiteOptions parse(String[] args, Function<String, String> env) {
        Optional<Path> dataDirectory = Optional.ofNullable(env.apply("HRM_DEVSTACK_DATA_DIR")).filter(s -> !s.isBlank()).map(Path::of);
        Set<String> only = Set.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDirectory = Optional.of(Path.of(value(args, ++i, "--data-dir")));
                case "--only" -> only = Arrays.stream(value(args, ++i, "--only").split(",")).map(String::trim)
                        .map(s -> s.endsWith("-service") || s.equals("gateway") ? s : s + "-service")
                        .collect(Collectors.toUnmodifiableSet());
                default -> throw new LaunchException("unknown option " + args[i] + "; use --data-dir DIR and --only a,b");
            }
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        DEFAULT_PORTS.forEach((name, port) -> ports.put(name, port(env, name, port)));
        for (String service : only) {
            if (!DEFAULT_PORTS.containsKey(service)) {
                throw new LaunchException("unknown service " + service + "; the suite has "
                        + DEFAULT_PORTS.keySet().stream().filter(s -> s.endsWith("-service") || s.equals("gateway")).toList());
            }
        }
        return new SuiteOptions(findHome(), dataDirectory, only, Map.copyOf(ports));
    }

    public SuiteOptions withFreePorts() {
        Map<String, Integer> free = new LinkedHashMap<>();
        ports.keySet().forEach(name -> free.put(name, Ports.pickFree()));
        return new SuiteOptions(home, dataDirectory, only, Map.copyOf(free));
    }

    public SuiteOptions withDataDirectory(Path directory) {
        return new SuiteOptions(home, Optional.ofNullable(directory), only, ports);
    }

    public SuiteOptions withOnly(Set<String> services) {
        return new SuiteOptions(home, dataDirectory, Set.copyOf(services), ports);
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

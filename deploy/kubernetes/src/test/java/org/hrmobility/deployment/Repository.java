package org.hrmobility.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hrmobility.contracts.EventCatalog;
import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * What the deployment must match, read from the repository itself: the services' application.yml files (ports,
 * bindings, the environment variables they read) and the contracts' topic catalogue.
 */
final class Repository {

    /** The workloads by the chart's short name; the gateway has no database and no Kafka. */
    static final List<String> SERVICES = List.of("mobility", "redeployment", "evaluation", "notification");
    static final List<String> WORKLOADS = List.of("gateway", "mobility", "redeployment", "evaluation", "notification");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");

    private Repository() {
    }

    static Path root() {
        Path root = Path.of(System.getProperty("hrm.repository", "../..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("deploy/helm/hrm/Chart.yaml"))) {
            throw new IllegalStateException("not the repository root: " + root);
        }
        return root;
    }

    static Path chart() {
        return root().resolve("deploy/helm/hrm");
    }

    /** The module directory of a workload: gateway, mobility-service, ... */
    static String module(String workload) {
        return workload.equals("gateway") ? "gateway" : workload + "-service";
    }

    static ServiceConfig config(String workload) {
        return ServiceConfig.read(root().resolve(module(workload)).resolve("src/main/resources/application.yml"));
    }

    /** Every topic the contracts name: the constants of {@link Topics} and the topic of every catalogued event type. */
    static Set<String> contractTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        EventCatalog.all().stream().map(EventType::topic).forEach(topics::add);
        return topics;
    }

    /** The topics a service publishes: those of the event types of its own context (mobility, redeployment, ...). */
    static Set<String> producedTopics(String service) {
        return EventCatalog.all().stream().filter(type -> type.context().equals(service)).map(EventType::topic)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** One service's application.yml, flattened to dotted keys, and the environment variables its placeholders read. */
    record ServiceConfig(Map<String, Object> properties, Set<String> environmentVariables) {

        static ServiceConfig read(Path file) {
            try {
                String text = Files.readString(file);
                Map<String, Object> flat = new LinkedHashMap<>();
                for (Object document : new Yaml().loadAll(text)) {
                    if (document instanceof Map<?, ?> map) {
                        flatten("", map, flat);
                    }
                }
                Set<String> variables = new TreeSet<>();
                Matcher matcher = PLACEHOLDER.matcher(text);
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
                return new ServiceConfig(flat, variables);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void flatten(String prefix, Map<?, ?> map, Map<String, Object> into) {
            map.forEach((key, value) -> {
                String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
                if (value instanceof Map<?, ?> nested) {
                    flatten(name, nested, into);
                } else {
                    into.put(name, value);
                }
            });
        }

        String applicationName() {
            return (String) properties.get("spring.application.name");
        }

        int port() {
            return ((Number) properties.get("server.port")).intValue();
        }

        String database() {
            return (String) properties.get("hrm.devstack.database");
        }

        /** destination -> group of every consumer binding (spring.cloud.stream.bindings.*-in-*). */
        Map<String, String> consumerBindings() {
            Map<String, String> bindings = new LinkedHashMap<>();
            Pattern destination = Pattern.compile("spring\\.cloud\\.stream\\.bindings\\.([^.]+-in-\\d+)\\.destination");
            properties.forEach((key, value) -> {
                Matcher m = destination.matcher(key);
                if (m.matches()) {
                    Object group = properties.get("spring.cloud.stream.bindings." + m.group(1) + ".group");
                    bindings.put((String) value, (String) group);
                }
            });
            return bindings;
        }

        /** The dead-letter topic of every consumer binding, named as the service kit names it. */
        Set<String> deadLetterTopics() {
            return consumerBindings().entrySet().stream().map(e -> Topics.deadLetter(e.getKey(), e.getValue()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }
}

package org.hrmobility.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import org.hrmobility.contracts.Topics;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Gives every service the kit's defaults ({@code hrm-kit-defaults.properties}), below anything the service
 * configures, and derives what follows from the service's own settings:
 * <ul>
 *   <li>the JDBC settings of Flyway and the outbox relay from {@code spring.r2dbc.*}, so one URL configures a
 *       service's database;</li>
 *   <li>for every consumer binding with a group, its dead-letter topic {@code <topic>.<group>.dlq};</li>
 *   <li>master data ({@code employees-in-0}) consumed a poll at a time, unless the service says otherwise.</li>
 * </ul>
 */
public class KitEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DEFAULTS = "hrm-kit-defaults";
    static final String DERIVED = "hrm-kit-derived";
    static final String EMPLOYEES_BINDING = "employees-in-0";

    /** The part of a binding the dead-letter naming needs. */
    public static class BindingTarget {
        private String destination;
        private String group;
        private ConsumerSettings consumer = new ConsumerSettings();

        public String getDestination() {
            return destination;
        }

        public void setDestination(String destination) {
            this.destination = destination;
        }

        public String getGroup() {
            return group;
        }

        public void setGroup(String group) {
            this.group = group;
        }

        public ConsumerSettings getConsumer() {
            return consumer;
        }

        public void setConsumer(ConsumerSettings consumer) {
            this.consumer = consumer;
        }
    }

    /** Of a binding's consumer settings, what the kit needs to know. */
    public static class ConsumerSettings {
        private boolean batchMode;

        public boolean isBatchMode() {
            return batchMode;
        }

        public void setBatchMode(boolean batchMode) {
            this.batchMode = batchMode;
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new PropertiesPropertySourceLoader()
                    .load(DEFAULTS, new ClassPathResource("hrm-kit-defaults.properties")).get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> derived = new HashMap<>();
        deriveJdbcSettings(environment, derived);
        deriveDeadLetterTopics(environment, derived);
        environment.getPropertySources().addBefore(DEFAULTS, new MapPropertySource(DERIVED, derived));
    }

    private static void deriveJdbcSettings(ConfigurableEnvironment env, Map<String, Object> derived) {
        String r2dbcUrl = env.getProperty("spring.r2dbc.url");
        if (r2dbcUrl != null && !env.containsProperty("spring.flyway.url")) {
            derived.put("spring.flyway.url", r2dbcUrl.replaceFirst("^r2dbc:(pool:)?", "jdbc:"));
            derived.put("spring.flyway.user", env.getProperty("spring.r2dbc.username", ""));
            derived.put("spring.flyway.password", env.getProperty("spring.r2dbc.password", ""));
        }
    }

    private static void deriveDeadLetterTopics(ConfigurableEnvironment env, Map<String, Object> derived) {
        Map<String, BindingTarget> bindings = Binder.get(env)
                .bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, BindingTarget.class))
                .orElse(Map.of());
        // master data is taken in a poll at a time by the kit's own consumer (EmployeeAutoConfiguration)
        BindingTarget employees = bindings.get(EMPLOYEES_BINDING);
        String employeesBatch = "spring.cloud.stream.bindings." + EMPLOYEES_BINDING + ".consumer.batch-mode";
        if (employees != null && !env.containsProperty(employeesBatch)) {
            derived.put(employeesBatch, true);
            employees.getConsumer().setBatchMode(true);
        }
        bindings.forEach((name, binding) -> {
            String dlqName = "spring.cloud.stream.kafka.bindings." + name + ".consumer.dlq-name";
            if (binding.getGroup() != null && binding.getDestination() != null && !env.containsProperty(dlqName)) {
                derived.put(dlqName, Topics.deadLetter(binding.getDestination(), binding.getGroup()));
            }
            // a batch is handed over as the Kafka deserializer made it (bytes): the function layer's conversion of a
            // batch message empties the per-record header lists (Spring Cloud Stream 5.0), and the inbox needs them
            String nativeDecoding = "spring.cloud.stream.bindings." + name + ".consumer.use-native-decoding";
            if (binding.getConsumer().isBatchMode() && !env.containsProperty(nativeDecoding)) {
                derived.put(nativeDecoding, true);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

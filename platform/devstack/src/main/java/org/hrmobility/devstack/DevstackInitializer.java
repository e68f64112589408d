package org.hrmobility.devstack;

import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring application context at the JVM's shared devstack: its own database (named by
 * {@code hrm.devstack.database}, else after {@code spring.application.name}), created on first use, and the
 * broker. Use with {@code @ContextConfiguration(initializers = DevstackInitializer.class)}.
 */
public final class DevstackInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE = "devstack";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Devstack stack = Devstack.shared();
        String database = databaseName(environment);
        stack.createDatabase(database);
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties(stack.endpoints(), database)));
    }

    /** The Spring properties that connect an application to these endpoints and this database. */
    public static Map<String, Object> properties(Devstack.Endpoints endpoints, String database) {
        return Map.of(
                "spring.r2dbc.url", endpoints.r2dbcUrl(database),
                "spring.r2dbc.username", endpoints.postgresUser(),
                "spring.r2dbc.password", endpoints.postgresPassword(),
                "spring.flyway.url", endpoints.jdbcUrl(database),
                "spring.flyway.user", endpoints.postgresUser(),
                "spring.flyway.password", endpoints.postgresPassword(),
                "spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers(),
                "spring.cloud.stream.kafka.binder.brokers", endpoints.kafkaBootstrapServers());
    }

    static String databaseName(ConfigurableEnvironment environment) {
        String explicit = environment.getProperty("hrm.devstack.database");
        if (explicit != null) {
            return explicit;
        }
        String application = environment.getProperty("spring.application.name", "application");
        return application.toLowerCase(Locale.ROOT).replaceAll("-service$", "").replaceAll("[^a-z0-9]+", "_");
    }
}

package org.hrmobility.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KitEnvironmentPostProcessorTest {

    private StandardEnvironment process(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", properties));
        new KitEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    @Test
    @DisplayName("one R2DBC URL configures the database: Flyway and the relay get the JDBC form of it")
    void jdbcFromR2dbc() {
        StandardEnvironment env = process(Map.of("spring.r2dbc.url", "r2dbc:postgresql://db:5432/redeployment",
                "spring.r2dbc.username", "svc", "spring.r2dbc.password", "pw"));

        assertThat(env.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db:5432/redeployment");
        assertThat(env.getProperty("spring.flyway.user")).isEqualTo("svc");
        assertThat(env.getProperty("spring.flyway.password")).isEqualTo("pw");
    }

    @Test
    @DisplayName("every consumer binding with a group gets its dead-letter topic <topic>.<group>.dlq, unless set")
    void deadLetterTopics() {
        StandardEnvironment env = process(Map.of(
                "spring.cloud.stream.bindings.employees-in-0.destination", "hrm.employees",
                "spring.cloud.stream.bindings.employees-in-0.group", "redeployment",
                "spring.cloud.stream.bindings.vacancies-in-0.destination", "hrm.recruitment.vacancies",
                "spring.cloud.stream.bindings.vacancies-in-0.group", "redeployment",
                "spring.cloud.stream.kafka.bindings.vacancies-in-0.consumer.dlq-name", "custom.dlq"));

        assertThat(env.getProperty("spring.cloud.stream.kafka.bindings.employees-in-0.consumer.dlq-name"))
                .isEqualTo("hrm.employees.redeployment.dlq");
        assertThat(env.getProperty("spring.cloud.stream.kafka.bindings.vacancies-in-0.consumer.dlq-name"))
                .isEqualTo("custom.dlq");
    }

    @Test
    @DisplayName("the kit's defaults sit below the service's own settings")
    void defaultsAreOverridable() {
        StandardEnvironment env = process(Map.of("spring.cloud.stream.default.consumer.max-attempts", "5"));

        assertThat(env.getProperty("spring.cloud.stream.default.consumer.max-attempts")).isEqualTo("5");
        assertThat(env.getProperty("spring.cloud.stream.kafka.binder.consumer-properties.isolation.level"))
                .isEqualTo("read_committed");
        assertThat(env.getProperty("spring.cloud.stream.kafka.default.consumer.enable-dlq")).isEqualTo("true");
    }
}

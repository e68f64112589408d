package org.hrmobility.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** deploy/compose/compose.yaml, read as docker compose reads it (YAML 1.1, merge keys) and checked against the services. */
class ComposeTest {

    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Repository.root().resolve("deploy/compose/compose.yaml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    @DisplayName("the compose file names the gateway, every service and the identity provider, each published on its suite port")
    void servicesAndPorts() {
        for (String workload : Repository.WORKLOADS) {
            String name = Repository.module(workload);
            int port = Repository.config(workload).port();
            assertThat(services).as(name).containsKey(name);
            assertThat(ports(name)).as(name).contains(port + ":8080");
            assertThat(environment(name)).containsEntry("SERVER_PORT", "8080").containsEntry("MANAGEMENT_SERVER_PORT", "9090");
        }
        assertThat(ports("identity-provider")).contains("9000:9000");
    }

    @Test
    @DisplayName("every service gets every environment variable its application.yml reads, and its own database")
    void environment() {
        for (String workload : Repository.WORKLOADS) {
            Repository.ServiceConfig config = Repository.config(workload);
            Map<String, String> env = environment(Repository.module(workload));
            assertThat(env.keySet()).as(workload).containsAll(config.environmentVariables());
            if (!workload.equals("gateway")) {
                assertThat(env).as(workload)
                        .containsEntry("SPRING_R2DBC_URL", "r2dbc:postgresql://postgres:5432/" + config.database())
                        .containsKeys("SPRING_R2DBC_USERNAME", "SPRING_R2DBC_PASSWORD")
                        .containsEntry("HRM_KAFKA_TOPICS_CREATE", "false");
            }
            // the issuer in the tokens is what a client on the host calls; the JWK set is fetched inside the network
            assertThat(env).containsEntry("HRM_ISSUER", environment("identity-provider").get("HRM_ISSUER"));
        }
        Map<String, String> gateway = environment("gateway");
        for (String service : Repository.SERVICES) {
            assertThat(gateway).containsEntry("HRM_" + service.toUpperCase() + "_URL", "http://" + service + "-service:8080");
        }
    }

    @Test
    @DisplayName("an init step creates the four databases, another every topic and dead-letter topic, before the services start")
    void initSteps() {
        String databases = String.join("\n", command("postgres-databases"));
        for (String service : Repository.SERVICES) {
            assertThat(databases).contains(Repository.config(service).database());
        }
        Set<String> topics = new TreeSet<>(Repository.contractTopics());
        String topicsCommand = String.join("\n", command("kafka-topics"));
        for (String service : Repository.SERVICES) {
            for (String dlq : Repository.config(service).deadLetterTopics()) {
                // created in a loop as <topic>.<group> + .dlq
                assertThat(topicsCommand).as(dlq).contains(dlq.substring(0, dlq.length() - ".dlq".length()));
            }
        }
        assertThat(topics).allSatisfy(topic -> assertThat(topicsCommand).contains(topic));
        assertThat(topicsCommand).contains("create hrm.employees 3 cleanup.policy=compact");
        for (String service : Repository.SERVICES) {
            Map<String, Object> dependsOn = dependsOn(Repository.module(service));
            assertThat(dependsOn).containsEntry("postgres-databases", Map.of("condition", "service_completed_successfully"))
                    .containsEntry("kafka-topics", Map.of("condition", "service_completed_successfully"));
        }
    }

    @Test
    @DisplayName("Kafka, PostgreSQL and every Java process have a health check, and the official Kafka (KRaft) and PostgreSQL 18 images run")
    void healthChecksAndImages() {
        for (String name : List.of("kafka", "postgres", "identity-provider", "gateway", "mobility-service",
                "redeployment-service", "evaluation-service", "notification-service")) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
        assertThat(String.valueOf(service("gateway").get("healthcheck"))).contains("/actuator/health/readiness", "9090");
        assertThat((String) service("kafka").get("image")).startsWith("apache/kafka:4.1");
        assertThat(environment("kafka")).containsEntry("KAFKA_PROCESS_ROLES", "broker,controller");
        assertThat((String) service("postgres").get("image")).isEqualTo("postgres:18");
        for (String workload : Repository.WORKLOADS) {
            String name = Repository.module(workload);
            assertThat((String) service(name).get("image")).matches("\\$\\{HRM_IMAGE_PREFIX:-}hrm/" + name + ":\\$\\{HRM_IMAGE_TAG:-.+}");
            assertThat(service(name)).containsEntry("read_only", true);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) {
        Map<String, Object> env = (Map<String, Object>) service(name).getOrDefault("environment", Map.of());
        Map<String, String> strings = new java.util.LinkedHashMap<>();
        env.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(String name) {
        return ((List<Object>) service(name).getOrDefault("ports", List.of())).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(String name) {
        return ((List<Object>) service(name).get("command")).stream().map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dependsOn(String name) {
        return (Map<String, Object>) service(name).get("depends_on");
    }
}

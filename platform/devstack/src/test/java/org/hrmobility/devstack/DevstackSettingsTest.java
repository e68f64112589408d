package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DevstackSettingsTest {

    @Test
    @DisplayName("by default the local run uses ports 19092 and 15432, starts clean and runs its own servers")
    void defaults() {
        DevstackSettings settings = DevstackSettings.of(Map.of());

        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.dataDirectory()).isEmpty();
        assertThat(settings.externalKafka()).isEmpty();
        assertThat(settings.externalPostgres()).isEmpty();
        assertThat(settings.kafkaBrokers()).isEqualTo(1);
        assertThat(settings.postgresDurability()).isEqualTo(PostgresDurability.FAST);
    }

    @Test
    @DisplayName("a cluster of three brokers and durable commits are asked for by setting")
    void cluster() {
        DevstackSettings settings = DevstackSettings.of(Map.of("hrm.devstack.kafka-brokers", "3",
                "hrm.devstack.postgres-durability", "synchronous-commit"));

        assertThat(settings.kafkaBrokers()).isEqualTo(3);
        assertThat(settings.postgresDurability()).isEqualTo(PostgresDurability.SYNCHRONOUS_COMMIT);
        assertThatThrownBy(() -> DevstackSettings.of(Map.of("hrm.devstack.kafka-brokers", "0")))
                .isInstanceOf(DevstackException.class).hasMessageContaining("kafka-brokers");
    }

    @Test
    @DisplayName("durable storage (fsync, synchronous commit, full-page writes) is asked for by name, a wrong name refused with the choices")
    void durability() {
        assertThat(DevstackSettings.of(Map.of("hrm.devstack.postgres-durability", " Durable ")).postgresDurability())
                .isEqualTo(PostgresDurability.DURABLE);
        assertThat(PostgresDurability.DURABLE.serverSettings())
                .containsEntry("fsync", "on").containsEntry("synchronous_commit", "on").containsEntry("full_page_writes", "on");
        assertThatThrownBy(() -> DevstackSettings.of(Map.of("hrm.devstack.postgres-durability", "safe")))
                .isInstanceOf(DevstackException.class)
                .hasMessage("hrm.devstack.postgres-durability must be one of fast, synchronous-commit, durable, not 'safe'");
    }

    @Test
    @DisplayName("ports, data directory and external servers are taken from the settings")
    void overrides() {
        DevstackSettings settings = DevstackSettings.of(Map.of(
                "hrm.devstack.kafka-port", "29092",
                "hrm.devstack.postgres-port", "0",
                "hrm.devstack.data-dir", "/tmp/hrm",
                "KAFKA_BOOTSTRAP_SERVERS", "kafka:9092",
                "POSTGRES_URL", "jdbc:postgresql://db:5432/postgres",
                "POSTGRES_USER", "hrm"));

        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.postgresPort()).isZero();
        assertThat(settings.dataDirectory()).contains(Path.of("/tmp/hrm"));
        assertThat(settings.externalKafka()).contains("kafka:9092");
        assertThat(settings.externalPostgres()).hasValueSatisfying(pg -> {
            assertThat(pg.user()).isEqualTo("hrm");
            assertThat(pg.password()).isEmpty();
        });
    }

    @Test
    @DisplayName("a port that is not a number is refused with the setting's name")
    void badPort() {
        assertThatThrownBy(() -> DevstackSettings.of(Map.of("hrm.devstack.kafka-port", "kafka")))
                .isInstanceOf(DevstackException.class)
                .hasMessageContaining("hrm.devstack.kafka-port");
    }

    @Test
    @DisplayName("a port already in use gives a sentence naming the port, the server and the setting")
    void portTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> Ports.requireFree(port, "PostgreSQL", "hrm.devstack.postgres-port"))
                    .isInstanceOf(DevstackException.class)
                    .hasMessage("Port " + port + " for PostgreSQL is already in use. Stop what runs there (is the suite"
                            + " already running?) or choose another port with hrm.devstack.postgres-port.");
        }
    }
}

package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DevstackExtension.class)
class DevstackIT {

    @Test
    @DisplayName("the shared devstack is one real PostgreSQL (17 or newer) with a database per caller")
    void postgres(Devstack stack) throws Exception {
        stack.createDatabase("devstack_check");
        stack.createDatabase("devstack_check");

        try (Connection c = DriverManager.getConnection(stack.endpoints().jdbcUrl("devstack_check"),
                stack.endpoints().postgresUser(), stack.endpoints().postgresPassword());
             ResultSet rs = c.createStatement().executeQuery("show server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(170000);
        }
        assertThat(Devstack.shared()).isSameAs(stack);
    }

    @Test
    @DisplayName("the broker is a real KRaft Kafka whose data survives a stop and start")
    void kafkaSurvivesRestart(Devstack stack) {
        String topic = "devstack.restart";
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", "before restart")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        KafkaBroker broker = stack.kafkaBroker().orElseThrow();
        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        broker.start();

        assertThat(readAll(stack, topic)).containsExactly("before restart");
    }

    @Test
    @DisplayName("a second broker on a taken port fails with a clear message and leaves the first running")
    void portTaken(Devstack stack) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            DevstackSettings settings = new DevstackSettings(taken.getLocalPort(), 0, Optional.empty(),
                    Optional.empty(), Optional.empty());
            assertThatThrownBy(() -> Devstack.start(settings))
                    .isInstanceOf(DevstackException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " for Kafka is already in use");
        }
        assertThat(stack.kafkaBroker().orElseThrow().isRunning()).isTrue();
    }

    @Test
    @DisplayName("PostgreSQL starts beside Kafka: what needs only the database runs as soon as it is up, and its failure fails the start")
    void whenDatabaseUp() throws Exception {
        DevstackSettings own = new DevstackSettings(0, 0, Optional.empty(), Optional.empty(), Optional.empty());
        List<Devstack> called = new ArrayList<>();
        try (Devstack second = Devstack.start(own, stack -> {
            stack.createDatabase("created_when_up");
            called.add(stack);
        })) {
            assertThat(called).containsExactly(second);
            try (Connection c = DriverManager.getConnection(second.endpoints().jdbcUrl("created_when_up"),
                    second.endpoints().postgresUser(), second.endpoints().postgresPassword())) {
                assertThat(c.isValid(5)).isTrue();
            }
        }

        List<Integer> ports = new ArrayList<>();
        assertThatThrownBy(() -> Devstack.start(own, stack -> {
            ports.add(stack.endpoints().postgresPort());
            throw new DevstackException("the database was up, and this caller failed");
        })).isInstanceOf(DevstackException.class).hasMessage("the database was up, and this caller failed");
        // nothing left running: the failed start stopped its PostgreSQL
        try (ServerSocket free = new ServerSocket(ports.get(0), 1, InetAddress.getLoopbackAddress())) {
            assertThat(free.isBound()).isTrue();
        }
    }

    private static List<String> readAll(Devstack stack, String topic) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.endpoints().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}

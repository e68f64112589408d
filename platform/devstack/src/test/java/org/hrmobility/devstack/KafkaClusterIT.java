package org.hrmobility.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClusterIT {

    @Test
    @DisplayName("three node processes: a topic on three replicas takes writes with one node killed (-9), and the node catches up when started again")
    void killAndRestartANode(@TempDir Path data) throws Exception {
        try (KafkaCluster cluster = new KafkaCluster(3, 0, data)) {
            cluster.start();
            String bootstrap = cluster.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                admin.createTopics(List.of(new NewTopic("cluster.check", 3, (short) 3))).all().get();
                TopicDescription described = admin.describeTopics(List.of("cluster.check")).allTopicNames().get().get("cluster.check");
                assertThat(described.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
            }
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                // nothing is created by merely naming a topic
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>("not.created", "k", "v")).get(10, TimeUnit.SECONDS))
                        .isInstanceOfAny(ExecutionException.class, TimeoutException.class, java.util.concurrent.TimeoutException.class);

                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>("cluster.check", "k" + i, "before " + i)).get(30, TimeUnit.SECONDS);
                }
                long pid = cluster.pid(2);
                assertThat(pid).isPositive();
                cluster.kill(2);
                assertThat(cluster.isRunning(2)).isFalse();
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
                for (int i = 0; i < 30; i++) {
                    producer.send(new ProducerRecord<>("cluster.check", "k" + i, "during " + i)).get(30, TimeUnit.SECONDS);
                }
            }
            assertThat(cluster.underReplicatedPartitions()).hasValueSatisfying(under -> assertThat(under).isPositive());

            cluster.start(2);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (cluster.underReplicatedPartitions().orElse(-1) != 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertThat(cluster.underReplicatedPartitions()).contains(0);
            assertThat(readAll(cluster.node(2).address(), "cluster.check", 60)).hasSize(60);
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "cluster-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
            return values;
        }
    }
}

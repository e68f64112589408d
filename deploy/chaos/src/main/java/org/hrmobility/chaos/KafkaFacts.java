package org.hrmobility.chaos;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** What the cluster holds: the events on the decision topics, the dead letters, the partitions not in sync. */
final class KafkaFacts {

    private final String bootstrap;

    KafkaFacts(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Per event id ({@code ce_id}), the records of it on these topics, read to their end (committed records only). */
    Map<String, Integer> eventCopies(Collection<String> topics) {
        Map<String, Integer> copies = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> Optional.ofNullable(consumer.partitionsFor(t, Duration.ofSeconds(30))).orElse(List.of()).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(30)) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    Header id = r.headers().lastHeader("ce_id");
                    if (id != null) {
                        copies.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                }
            }
        }
        return copies;
    }

    /** Every dead-letter topic ({@code *.dlq}) and the records it holds. */
    Map<String, Long> deadLetters() throws Exception {
        try (Admin admin = admin()) {
            Set<String> dlqs = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(t -> t.endsWith(".dlq"))
                    .collect(Collectors.toSet());
            Map<String, Long> records = new TreeMap<>();
            for (Map.Entry<String, Map<TopicPartition, Long>> topic : sizes(admin, dlqs).entrySet()) {
                records.put(topic.getKey(), topic.getValue().values().stream().mapToLong(Long::longValue).sum());
            }
            return records;
        }
    }

    /**
     * Per consumer group, the records it has not committed yet on each partition of these topics (read_committed end
     * offsets; a transaction's commit marker may count as one): where events wait when they were not applied.
     */
    Map<String, Map<TopicPartition, Long>> lag(Collection<String> topics) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, Long> ends = offsets(admin, Set.copyOf(topics), OffsetSpec.latest());
            Map<String, Map<TopicPartition, Long>> lag = new TreeMap<>();
            for (var group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, Long> behind = new TreeMap<>(Comparator.comparing(TopicPartition::toString));
                committed.forEach((p, o) -> {
                    if (o != null && ends.containsKey(p) && ends.get(p) - o.offset() > 0) {
                        behind.put(p, ends.get(p) - o.offset());
                    }
                });
                if (!behind.isEmpty()) {
                    lag.put(group.groupId(), behind);
                }
            }
            return lag;
        }
    }

    /** The records of each partition of these topics: end offset (committed records) minus start offset. */
    private static Map<String, Map<TopicPartition, Long>> sizes(Admin admin, Set<String> topics) throws Exception {
        Map<TopicPartition, Long> begin = offsets(admin, topics, OffsetSpec.earliest());
        Map<TopicPartition, Long> end = offsets(admin, topics, OffsetSpec.latest());
        Map<String, Map<TopicPartition, Long>> sizes = new TreeMap<>();
        end.forEach((tp, offset) -> sizes.computeIfAbsent(tp.topic(), t -> new HashMap<>()).put(tp, offset - begin.get(tp)));
        return sizes;
    }

    /** The offsets of every partition of these topics (committed records only, as a read_committed consumer sees them). */
    private static Map<TopicPartition, Long> offsets(Admin admin, Set<String> topics, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> wanted = new HashMap<>();
        for (TopicDescription d : admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
            for (TopicPartitionInfo p : d.partitions()) {
                wanted.put(new TopicPartition(d.name(), p.partition()), spec);
            }
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(wanted, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> offsets.put(tp, info.offset()));
        return offsets;
    }

    /** Partitions with fewer replicas in sync than they have; empty when the cluster cannot be asked. */
    Optional<Integer> underReplicatedPartitions() {
        try (Admin admin = admin()) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            int under = 0;
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                for (TopicPartitionInfo p : topic.partitions()) {
                    if (p.isr().size() < p.replicas().size()) {
                        under++;
                    }
                }
            }
            return Optional.of(under);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The replicas of every topic, for the report: topic → replication factor. */
    Map<String, Integer> replication() {
        try (Admin admin = admin()) {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            Map<String, Integer> rf = new TreeMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS)
                    .forEach((t, d) -> rf.put(t, d.partitions().isEmpty() ? 0 : d.partitions().get(0).replicas().size()));
            return rf;
        } catch (Exception e) {
            return Map.of();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }
}

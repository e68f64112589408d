package org.hrmobility.load.figures;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.hrmobility.contracts.Topics;

/** Waits until every service has taken in the master data published for a run (no consumer group lags on it). */
final class MasterData {

    private MasterData() {
    }

    static void awaitTakenIn(String bootstrap, Duration atMost) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Set<TopicPartition> partitions = admin.describeTopics(List.of(Topics.EMPLOYEES)).allTopicNames().get().get(Topics.EMPLOYEES)
                    .partitions().stream().map(p -> new TopicPartition(Topics.EMPLOYEES, p.partition())).collect(Collectors.toSet());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get();
            List<String> groups = admin.listConsumerGroups().all().get().stream().map(g -> g.groupId())
                    .filter(g -> !g.startsWith("hrm-dlq")).toList();
            while (true) {
                long behind = 0;
                for (String group : groups) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    for (TopicPartition p : partitions) {
                        if (committed.containsKey(p)) {
                            behind += ends.get(p).offset() - committed.get(p).offset();
                        }
                    }
                }
                if (behind == 0) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the services are still " + behind + " master-data records behind after " + atMost);
                }
                Thread.sleep(500);
            }
        }
    }
}

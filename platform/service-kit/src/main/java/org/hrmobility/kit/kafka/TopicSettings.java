package org.hrmobility.kit.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the kit creates (or only checks) the topics a service uses: {@code hrm.kafka.topics.*}.
 *
 * @param create              create missing topics at start; when false (a cluster whose topics are managed elsewhere,
 *                            e.g. Strimzi KafkaTopic resources) the service checks they exist and refuses to start otherwise
 * @param partitions          partitions of a topic the kit creates
 * @param replicationFactor   replicas of each; unset leaves it to the cluster's {@code default.replication.factor}
 * @param minInsyncReplicas   {@code min.insync.replicas} of each; unset leaves it to the cluster
 * @param deadLetterRetention how long a dead-letter topic keeps its records: they hold whole payloads (personal data)
 * @param eventRetention      how long the decision topics keep events: as long as the records they tell of (R-PRV-2),
 *                            so the workbench can be rebuilt from them and nothing personal outlives its record
 */
@ConfigurationProperties("hrm.kafka.topics")
public record TopicSettings(Boolean create, Integer partitions, Short replicationFactor, Integer minInsyncReplicas,
                            Duration deadLetterRetention, Duration eventRetention) {

    public TopicSettings {
        create = create == null || create;
        partitions = partitions == null ? 3 : partitions;
        deadLetterRetention = deadLetterRetention == null ? Duration.ofDays(14) : deadLetterRetention;
        eventRetention = eventRetention == null ? Duration.ofDays(5 * 365 + 1) : eventRetention;
    }
}

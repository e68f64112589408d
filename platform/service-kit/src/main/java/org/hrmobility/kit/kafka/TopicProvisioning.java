package org.hrmobility.kit.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.hrmobility.contracts.EventCatalog;
import org.hrmobility.contracts.EventType;
import org.hrmobility.contracts.Topics;
import org.hrmobility.kit.KitEnvironmentPostProcessor.BindingTarget;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The topics a service needs, created explicitly (the cluster's and the binder's auto-creation are off, so a typo never
 * makes a topic): every topic of the event catalog, every destination a binding names, and the dead-letter topic of
 * every consumer binding, that one with a bounded retention. Spring Kafka's {@link KafkaAdmin} creates the missing ones
 * at start and leaves existing ones as they are; with {@code hrm.kafka.topics.create=false} the service only checks.
 */
public final class TopicProvisioning {

    private final TopicSettings settings;
    private final Set<String> topics;
    private final Set<String> deadLetterTopics;

    TopicProvisioning(TopicSettings settings, Set<String> topics, Set<String> deadLetterTopics) {
        this.settings = settings;
        this.topics = new TreeSet<>(topics);
        this.topics.removeAll(deadLetterTopics);
        this.deadLetterTopics = new TreeSet<>(deadLetterTopics);
    }

    /** The topics this service's settings name: the catalog's, its bindings' destinations and dead-letter topics. */
    static TopicProvisioning of(TopicSettings settings, Environment env) {
        Set<String> topics = EventCatalog.all().stream().map(EventType::topic).collect(Collectors.toCollection(TreeSet::new));
        Set<String> deadLetters = new TreeSet<>();
        Map<String, BindingTarget> bindings = Binder.get(env)
                .bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, BindingTarget.class))
                .orElse(Map.of());
        bindings.forEach((name, binding) -> {
            if (binding.getDestination() != null) {
                for (String topic : binding.getDestination().split(",")) {
                    topics.add(topic.trim());
                }
            }
            env.getProperty("spring.cloud.stream.kafka.bindings." + name + ".consumer.dlq-name", String.class, "").lines()
                    .filter(dlq -> !dlq.isBlank()).forEach(deadLetters::add);
        });
        return new TopicProvisioning(settings, topics, deadLetters);
    }

    public Set<String> topics() {
        return topics;
    }

    public Set<String> deadLetterTopics() {
        return deadLetterTopics;
    }

    /** What KafkaAdmin creates when a topic is missing. */
    KafkaAdmin.NewTopics newTopics() {
        List<NewTopic> all = new ArrayList<>();
        // master data is a table (newest per employee), the decisions a history as long as the records they tell of
        topics.forEach(t -> all.add(newTopic(t, t.equals(Topics.EMPLOYEES)
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.eventRetention().toMillis())))));
        deadLetterTopics.forEach(t -> all.add(newTopic(t, Map.of(
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(settings.deadLetterRetention().toMillis()),
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE))));
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    private NewTopic newTopic(String name, Map<String, String> extra) {
        NewTopic topic = new NewTopic(name, Optional.of(settings.partitions()), Optional.ofNullable(settings.replicationFactor()));
        Map<String, String> configs = new HashMap<>(extra);
        if (settings.minInsyncReplicas() != null) {
            configs.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, settings.minInsyncReplicas().toString());
        }
        return topic.configs(configs);
    }

    /** When the kit only checks: refuses to start without every topic, naming the missing ones. */
    void verify(KafkaAdmin admin) {
        Set<String> missing = new TreeSet<>(topics);
        missing.addAll(deadLetterTopics);
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            missing.removeAll(client.listTopics().names().get(admin.getOperationTimeout(), TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the cluster's topics to check them: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the topics", e);
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("hrm.kafka.topics.create is false and these topics do not exist: " + missing
                    + ". Create them (the Helm chart's KafkaTopic resources do) or let the service create them.");
        }
    }
}

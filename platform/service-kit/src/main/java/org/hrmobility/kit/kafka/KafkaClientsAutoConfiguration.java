package org.hrmobility.kit.kafka;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The settings of the kit's own Kafka clients, from Spring Boot's {@code spring.kafka.*} (security included), and the
 * topics the service needs, created (or checked) at start by Spring Kafka's {@link KafkaAdmin}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(TopicSettings.class)
public class KafkaClientsAutoConfiguration {

    @Bean
    KafkaClients kafkaClients(KafkaProperties properties) {
        return new KafkaClients(properties);
    }

    @Bean
    TopicProvisioning topicProvisioning(TopicSettings settings, Environment env) {
        return TopicProvisioning.of(settings, env);
    }

    @Bean
    KafkaAdmin.NewTopics hrmTopics(TopicSettings settings, TopicProvisioning topics) {
        return settings.create() ? topics.newTopics() : new KafkaAdmin.NewTopics();
    }

    @Bean
    SmartInitializingSingleton topicCheck(TopicSettings settings, TopicProvisioning topics, KafkaAdmin admin) {
        return () -> {
            if (!settings.create()) {
                topics.verify(admin);
            }
        };
    }
}

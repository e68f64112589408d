package org.hrmobility.kit.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.hrmobility.kit.KitEnvironmentPostProcessor.BindingTarget;
import org.hrmobility.kit.inbox.EventBatch;
import org.hrmobility.kit.kafka.KafkaClients;
import org.hrmobility.kit.kafka.KafkaClientsAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

@AutoConfiguration(after = KafkaClientsAutoConfiguration.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterReplayer deadLetterReplayer(Environment env, ApplicationContext context, KafkaClients kafka) {
        Map<String, BindingTarget> configured = Binder.get(env)
                .bind("spring.cloud.stream.bindings", Bindable.mapOf(String.class, BindingTarget.class))
                .orElse(Map.of());
        List<DeadLetterReplayer.ConsumerBinding> bindings = new ArrayList<>();
        Set<String> batchFunctions = new HashSet<>();
        configured.forEach((name, target) -> {
            if (target.getGroup() != null && target.getDestination() != null) {
                DeadLetterReplayer.ConsumerBinding binding = new DeadLetterReplayer.ConsumerBinding(name, target.getDestination(),
                        target.getGroup());
                bindings.add(binding);
                if (target.getConsumer().isBatchMode()) {
                    batchFunctions.add(binding.function());
                }
            }
        });
        return new DeadLetterReplayer(kafka, bindings,
                function -> batchFunctions.contains(function) ? batchHandler(context, function) : handler(context, function));
    }

    @Bean
    ConsumerFailures consumerFailures(KafkaClients kafka, Environment env, ObjectProvider<MeterRegistry> meters) {
        return new ConsumerFailures(kafka, env.getProperty("hrm.consumer.max-transient-backoff", Duration.class, Duration.ofSeconds(10)),
                () -> meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplayer replayer) {
        return new DeadLetterEndpoint(replayer);
    }

    /** A batch-mode consumer takes the replayed record as a batch of one. */
    @SuppressWarnings("unchecked")
    private static Consumer<Message<byte[]>> batchHandler(ApplicationContext context, String function) {
        Consumer<Message<List<byte[]>>> batchConsumer = context.getBean(function, Consumer.class);
        return message -> batchConsumer.accept(EventBatch.of(message));
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Message<byte[]>> handler(ApplicationContext context, String function) {
        return context.getBean(function, Consumer.class);
    }
}

package org.hrmobility.kit.deadletter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.hrmobility.kit.KitEnvironmentPostProcessor.BindingTarget;
import org.hrmobility.kit.inbox.EventBatch;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;

@AutoConfiguration
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetterReplayer deadLetterReplayer(Environment env, ApplicationContext context) {
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
        return new DeadLetterReplayer(env.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"), bindings,
                function -> batchFunctions.contains(function) ? batchHandler(context, function) : handler(context, function));
    }

    @Bean
    BatchDeadLetters batchDeadLetters(Environment env) {
        return new BatchDeadLetters(env.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
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

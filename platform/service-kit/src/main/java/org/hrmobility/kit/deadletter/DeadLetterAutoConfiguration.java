package org.hrmobility.kit.deadletter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.hrmobility.kit.KitEnvironmentPostProcessor.BindingTarget;
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
        configured.forEach((name, target) -> {
            if (target.getGroup() != null && target.getDestination() != null) {
                bindings.add(new DeadLetterReplayer.ConsumerBinding(name, target.getDestination(), target.getGroup()));
            }
        });
        return new DeadLetterReplayer(env.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"), bindings,
                function -> handler(context, function));
    }

    @Bean
    DeadLetterEndpoint deadLetterEndpoint(DeadLetterReplayer replayer) {
        return new DeadLetterEndpoint(replayer);
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Message<byte[]>> handler(ApplicationContext context, String function) {
        return context.getBean(function, Consumer.class);
    }
}

package org.hrmobility.kit.deadletter;

import java.util.Map;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hrmobility.kit.inbox.MalformedEventException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Retries and dead-letters for batch-mode bindings, which the binder leaves to the container: the same attempts and
 * backoff as every other binding, then the same {@code <topic>.<group>.dlq} with the same headers, for the one record
 * the inbox names as failed ({@code BatchListenerFailedException}); the records before it are committed, those after
 * it polled again. Record-mode bindings keep the binder's own retries and dead letters.
 */
class BatchDeadLetters implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    /** Its own producer (not a bean, which would replace Spring Boot's): records go back as they came, as bytes. */
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaOperations<byte[], byte[]> deadLetterProducer;

    BatchDeadLetters(String bootstrapServers) {
        this.producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        this.deadLetterProducer = new KafkaTemplate<>(producers);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        // only called for a binding that is not in batch mode: the binder does its retries and dead letters
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
                          ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        if (properties == null || !properties.isBatchMode() || dlqDestinationResolver == null) {
            return;
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterProducer, dlqDestinationResolver);
        recoverer.setHeaderNamesSupplier(BatchDeadLetters::binderHeaderNames);
        // the dead letter tells what failed the record, as the binder's do, not that the listener failed
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> recoverer.accept(record, failureOfTheRecord(e)),
                backOff != null ? backOff : new FixedBackOff(0, 0));
        handler.addNotRetryableExceptions(MalformedEventException.class);
        container.setCommonErrorHandler(handler);
    }

    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return true;
    }

    private static Exception failureOfTheRecord(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException failed && failed.getCause() instanceof Exception cause) {
                return cause;
            }
        }
        return e;
    }

    /** The headers the binder writes on the records it dead-letters, so a dead letter reads the same either way. */
    private static DeadLetterPublishingRecoverer.HeaderNames binderHeaderNames() {
        return DeadLetterPublishingRecoverer.HeaderNames.Builder.original()
                .offsetHeader("x-original-offset")
                .timestampHeader("x-original-timestamp")
                .timestampTypeHeader("x-original-timestamp-type")
                .topicHeader("x-original-topic")
                .partitionHeader("x-original-partition")
                .consumerGroupHeader("x-original-consumer-group")
                .exception()
                .keyExceptionFqcn("x-key-exception-fqcn")
                .exceptionFqcn("x-exception-fqcn")
                .exceptionCauseFqcn("x-exception-cause-fqcn")
                .keyExceptionMessage("x-key-exception-message")
                .exceptionMessage("x-exception-message")
                .keyExceptionStacktrace("x-key-exception-stacktrace")
                .exceptionStacktrace("x-exception-stacktrace")
                .build();
    }
}

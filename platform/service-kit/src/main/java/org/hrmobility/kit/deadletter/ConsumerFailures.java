package org.hrmobility.kit.deadletter;

import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.hrmobility.kit.failure.TransientFailures;
import org.hrmobility.kit.inbox.MalformedEventException;
import org.hrmobility.kit.kafka.KafkaClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ExtendedConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaConsumerProperties;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What a consumer does with a record it cannot apply, for every binding, record and batch mode alike (the binder's
 * own retries are switched off: they cannot tell one failure from another):
 * <ul>
 * <li>a failure that passes ({@link TransientFailures}: the database or the broker away, a timeout) is retried
 * without end, with a backoff up to {@code maxTransientBackoff}, the record's partition paused meanwhile (the consumer
 * keeps polling the others and stays in its group); nothing goes to the dead-letter topic;</li>
 * <li>a failure that recurs (a rule refuses the payload) is retried as the binding's {@code max-attempts} and backoff
 * say, then dead-lettered to {@code <topic>.<group>.dlq}; a malformed message at once.</li>
 * </ul>
 * A dead letter carries the binder's headers (topic, partition, offset, exception class and message) and never the stack
 * trace: it would keep personal data and code paths in the broker for the DLQ's retention. The log has the trace, under
 * the trace id. In a batch, the inbox names the failed record ({@code BatchListenerFailedException}): the records before
 * it are committed, those after it polled again.
 */
class ConsumerFailures implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerFailures.class);

    /** Its own producer (not a bean, which would replace Spring Boot's): records go back as they came, as bytes. */
    private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
    private final KafkaOperations<byte[], byte[]> deadLetterProducer;
    private final ThreadPoolTaskScheduler resumer;
    private final Duration maxTransientBackoff;

    private final Supplier<MeterRegistry> meters;

    /** @param meters the registry, looked up when a record is dead-lettered (it may not exist yet when the binder starts) */
    ConsumerFailures(KafkaClients kafka, Duration maxTransientBackoff, Supplier<MeterRegistry> meters) {
        this.meters = meters;
        this.producers = new DefaultKafkaProducerFactory<>(kafka.producer(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)));
        this.deadLetterProducer = new KafkaTemplate<>(producers);
        this.maxTransientBackoff = maxTransientBackoff;
        this.resumer = new ThreadPoolTaskScheduler();
        resumer.setThreadNamePrefix("consumer-resume-");
        resumer.setDaemon(true);
        resumer.initialize();
    }

    @Override
    public void destroy() {
        resumer.shutdown();
        producers.destroy();
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
        configure(container, destinationName, group, dlqDestinationResolver, backOff, null);
    }

    @Override
    public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
                          BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff,
                          ExtendedConsumerProperties<KafkaConsumerProperties> properties) {
        BackOff recurring = backOff != null ? backOff : new FixedBackOff(0, 0);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer(destinationName, group, dlqDestinationResolver),
                transientBackOff(), new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, resumer)));
        handler.setBackOffFunction((record, e) -> TransientFailures.isTransient(e) ? null : recurring);
        // a failure that changes kind (the database back, now a rule refuses) starts the right backoff afresh
        handler.setResetStateOnExceptionChange(true);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setRetryListeners((record, e, attempt) -> logAttempt(destinationName, group, record, e, attempt));
        container.setCommonErrorHandler(handler);
    }

    /** Every binding's retries and dead letters are done here, by the container, not by the binder. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    private BackOff transientBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(maxTransientBackoff.toMillis());
        return backOff;
    }

    private ConsumerRecordRecoverer recoverer(
            String destination, String group, BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> resolver) {
        if (resolver == null) {
            return (record, e) -> log.error("{} ({}) gave up on {}-{}@{} without a dead-letter topic: {}", destination, group,
                    record.topic(), record.partition(), record.offset(), e.toString());
        }
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterProducer, resolver);
        recoverer.setHeaderNamesSupplier(ConsumerFailures::binderHeaderNames);
        recoverer.excludeHeader(HeadersToAdd.EX_STACKTRACE);
        return (record, e) -> {
            Exception cause = failureOfTheRecord(e);
            log.warn("{} ({}) dead-letters {}-{}@{}: {}", destination, group, record.topic(), record.partition(),
                    record.offset(), cause.toString(), cause);
            recoverer.accept(record, cause);
            meters.get().counter("hrm.deadletter.published", "topic", record.topic(), "group", group).increment();
        };
    }

    private static void logAttempt(String destination, String group, ConsumerRecord<?, ?> record, Exception e, int attempt) {
        boolean passes = TransientFailures.isTransient(e);
        if (attempt == 1 || attempt % 20 == 0) {
            log.warn("{} ({}) cannot apply {}-{}@{} (attempt {}, {}): {}", destination, group, record.topic(), record.partition(),
                    record.offset(), attempt, passes ? "retrying until it passes" : "retrying, then dead-lettering",
                    failureOfTheRecord(e).toString());
        }
    }

    /** The dead letter tells what failed the record, as the binder's do, not that the listener failed. */
    private static Exception failureOfTheRecord(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BatchListenerFailedException failed && failed.getCause() instanceof Exception cause) {
                return cause;
            }
        }
        Throwable innermost = e;
        while (innermost.getCause() instanceof Exception cause && cause != innermost
                && innermost.getClass().getName().startsWith("org.springframework.")) {
            innermost = cause;
        }
        return (Exception) innermost;
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

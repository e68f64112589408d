package org.hrmobility.kit.observability;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import io.micrometer.tracing.Tracer;

@AutoConfiguration(afterName = "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration")
public class ObservabilityAutoConfiguration {

    @Bean
    TraceContext traceContext(ObjectProvider<Tracer> tracer) {
        return new TraceContext(tracer.getIfAvailable());
    }
}

package org.hrmobility.kit.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/**
 * The W3C {@code traceparent} of the current span, written with each outbox event so that a consumer's work
 * joins the trace of the request that caused it.
 */
public final class TraceContext {

    private final Tracer tracer;

    public TraceContext(Tracer tracer) {
        this.tracer = tracer;
    }

    /** No tracer: events carry no trace context. */
    public static TraceContext none() {
        return new TraceContext(null);
    }

    /** {@code 00-<trace id>-<span id>-<flags>}, or null outside a span. */
    public String traceparent() {
        if (tracer == null) {
            return null;
        }
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        io.micrometer.tracing.TraceContext context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + "-"
                + (Boolean.FALSE.equals(context.sampled()) ? "00" : "01");
    }
}

package org.hrmobility.kit.observability;

import java.util.function.Supplier;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import reactor.util.context.ContextView;

/**
 * The W3C {@code traceparent} of the current span, written with each outbox event so that a consumer's work
 * joins the trace of the request that caused it.
 * <p>
 * Reactor restores the request's trace on a thread only in {@code handle} and {@code tap}
 * ({@code spring.reactor.context-propagation=limited}): restoring it in every operator ({@code auto}) took an eighth of a
 * service's CPU under load. Code that needs the trace on whatever thread it runs (an event's traceparent, a log line
 * that must carry the trace id) takes it from the Reactor context with {@link #within}.
 */
public final class TraceContext {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private final Tracer tracer;

    public TraceContext(Tracer tracer) {
        this.tracer = tracer;
    }

    /** No tracer: events carry no trace context. */
    public static TraceContext none() {
        return new TraceContext(null);
    }

    /** Runs {@code work} with the trace of this Reactor context (the request's, the consumed event's) on the thread. */
    public static <T> T within(ContextView context, Supplier<T> work) {
        try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context, ObservationThreadLocalAccessor.KEY)) {
            return work.get();
        }
    }

    /** The traceparent of the span in this Reactor context, or null outside a span. */
    public String traceparent(ContextView context) {
        return within(context, this::traceparent);
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of the span on this thread, or null outside a span. */
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

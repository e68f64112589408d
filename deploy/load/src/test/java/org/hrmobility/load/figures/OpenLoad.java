package org.hrmobility.load.figures;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;

/**
 * Sends requests at a steady arrival rate, whether or not earlier ones have answered (an open model, as people
 * arrive), and times each from when it was due to be sent: a slow answer then also counts for the requests that
 * would have waited behind it, instead of hiding them (coordinated omission).
 */
final class OpenLoad {

    /** One request to send, where to record it, and what to do with a good answer (its body and when it came). */
    /** A request, the status that counts as success, where its latency goes, and what to do with a success and its send time. */
    record Call(HttpRequest request, int expectedStatus, Latencies into, BiConsumer<HttpResponse<String>, Long> onSuccess) {

        Call(HttpRequest request, int expectedStatus, Latencies into) {
            this(request, expectedStatus, into, (response, at) -> {
            });
        }
    }

    private final HttpClient http;

    OpenLoad(HttpClient http) {
        this.http = http;
    }

    /**
     * What arrives: the i-th arrival, started when it is due, and done when its future completes (a request, or a
     * flow of them); null when there is nothing more to send.
     */
    @FunctionalInterface
    interface Arrival {
        CompletableFuture<?> start(int i, long dueNanos);
    }

    /** Sends {@code calls.apply(i)} for i = 0, 1, ... at {@code rate} per second for this long; waits for the answers. */
    int run(double rate, Duration duration, IntFunction<Call> calls) {
        return arrive(rate, duration, (i, due) -> {
            Call call = calls.apply(i);
            return call == null ? null : send(call, due);
        });
    }

    /**
     * Starts arrivals i = 0, 1, ... at {@code rate} per second for this long, each when it is due whether or not
     * earlier ones are done, and waits for them all; {@link #run} is this with one request an arrival.
     */
    int arrive(double rate, Duration duration, Arrival arrivals) {
        long interval = (long) (1_000_000_000L / rate);
        long start = System.nanoTime();
        int total = (int) (rate * duration.toMillis() / 1000);
        List<CompletableFuture<?>> pending = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<?> arrival = arrivals.start(i, due);
            if (arrival == null) {
                break;
            }
            pending.add(arrival);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("  (some answers did not come within 60 s: " + e + ")");
        }
        return pending.size();
    }

    /** Sends a call now and records it against the time it was due. */
    CompletableFuture<?> send(Call call, long dueNanos) {
        return http.sendAsync(call.request(), HttpResponse.BodyHandlers.ofString())
                .handle((response, failure) -> {
                    long now = System.nanoTime();
                    if (failure != null) {
                        call.into().error(failure.getClass().getSimpleName());
                    } else if (response.statusCode() != call.expectedStatus()) {
                        call.into().error("HTTP " + response.statusCode());
                    } else {
                        call.into().record(now - dueNanos);
                        // when it was sent: what a command's effects are timed from (they may arrive before its answer)
                        call.onSuccess().accept(response, dueNanos);
                    }
                    return null;
                });
    }
}

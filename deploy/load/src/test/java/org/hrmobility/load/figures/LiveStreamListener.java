package org.hrmobility.load.figures;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.hrmobility.contracts.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * A person's live notification stream through the gateway, as their browser holds it: notes when each notification
 * of one type arrives, by the employee it is about. A stream that ends is opened again from the last id seen
 * ({@code Last-Event-ID}), so nothing in between is missed.
 */
final class LiveStreamListener implements AutoCloseable {

    private final HttpClient http;
    private final URI stream;
    private final String bearer;
    private final String type;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final AtomicInteger reconnects = new AtomicInteger();
    private final CountDownLatch opened = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean closed;
    private volatile String lastId;

    LiveStreamListener(HttpClient http, String gateway, String bearer, String type) {
        this.http = http;
        this.stream = URI.create(gateway + "/api/notifications/stream");
        this.bearer = bearer;
        this.type = type;
        this.reader = new Thread(this::listen, "live-stream");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Waits until the stream is open, so what is sent from now on is seen. */
    void awaitOpen() throws InterruptedException {
        if (!opened.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the live stream did not open within 30 s: " + stream);
        }
    }

    /** When (System.nanoTime) the notification about this employee arrived, or null. */
    Long arrival(String employeeId) {
        return arrivals.get(employeeId);
    }

    int reconnects() {
        return reconnects.get();
    }

    private void listen() {
        while (!closed) {
            HttpRequest.Builder request = HttpRequest.newBuilder(stream).header("Authorization", bearer)
                    .header("Accept", "text/event-stream");
            if (lastId != null) {
                request.header("Last-Event-ID", lastId);
            }
            try {
                HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("live stream answered " + response.statusCode());
                }
                try (Stream<String> lines = response.body()) {
                    lines.forEach(this::line);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!closed) {
                    System.out.println("  (live stream: " + e.getMessage() + "; opening it again)");
                }
            }
            if (!closed) {
                reconnects.incrementAndGet();
            }
        }
    }

    private void line(String line) {
        opened.countDown();
        if (line.startsWith("id:")) {
            lastId = line.substring(3).trim();
        } else if (line.startsWith("data:")) {
            long now = System.nanoTime();
            JsonNode notification = EventJson.mapper().readTree(line.substring(5).trim());
            if (type.equals(notification.path("type").asString()) && notification.hasNonNull("aboutEmployee")) {
                arrivals.putIfAbsent(notification.get("aboutEmployee").asString(), now);
            }
        }
        if (closed) {
            throw new IllegalStateException("closed");
        }
    }

    @Override
    public void close() {
        closed = true;
        reader.interrupt();
    }
}

package org.hrmobility.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;

import org.hrmobility.notification.webhook.WebhookSignature;

import com.sun.net.httpserver.HttpServer;

/**
 * A receiving endpoint for webhook tests: answers each request with the next scripted status (then 200), and
 * keeps every request with its headers and body.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String id, long timestamp, String signature, String body, int answered) {

        boolean signedWith(String secret) {
            return WebhookSignature.verify(secret, id, timestamp, body, signature);
        }
    }

    private final HttpServer server;
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    WebhookReceiver(Integer... statuses) {
        script.addAll(List.of(statuses));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer next = script.poll();
            int status = next == null ? 200 : next;
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst(WebhookSignature.ID), Long.parseLong(headers.getFirst(WebhookSignature.TIMESTAMP)),
                    headers.getFirst(WebhookSignature.SIGNATURE), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests this endpoint accepted (answered 2xx): what its owner really processed. */
    List<Received> accepted() {
        return received().stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.hrmobility.notification.webhook;

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

import com.sun.net.httpserver.HttpServer;

/**
 * A receiving endpoint on this machine for the webhook tests: answers each request with the next scripted
 * status (then 200) and keeps every request with its Host header, signature headers and body.
 */
public final class HookReceiver implements AutoCloseable {

    public record Received(String host, String id, long timestamp, String signature, String body, int answered) {

        public boolean signedWith(String secret) {
            return WebhookSignature.verify(secret, id, timestamp, body, signature);
        }

        public int signatures() {
            return signature.split(" ").length;
        }
    }

    private final HttpServer server;
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());

    public HookReceiver(Integer... statuses) {
        script.addAll(List.of(statuses));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Integer next = script.poll();
            int status = next == null ? 200 : next;
            var headers = exchange.getRequestHeaders();
            String timestamp = headers.getFirst(WebhookSignature.TIMESTAMP);
            received.add(new Received(headers.getFirst("Host"), headers.getFirst(WebhookSignature.ID),
                    timestamp == null ? 0 : Long.parseLong(timestamp), headers.getFirst(WebhookSignature.SIGNATURE), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The endpoint's URL under this host name (which must lead to this machine: localhost, or a test resolver's name). */
    public String url(String host) {
        return "http://" + host + ":" + port() + "/hook";
    }

    public String url() {
        return url("localhost");
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public List<Received> accepted() {
        return received().stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

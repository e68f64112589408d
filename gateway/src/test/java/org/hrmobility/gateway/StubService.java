package org.hrmobility.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for the services behind the gateway: echoes what reached it, answers slowly, fails once, streams
 * server-sent events, reports ready.
 */
final class StubService implements AutoCloseable {

    final AtomicInteger flakyCalls = new AtomicInteger();
    final AtomicInteger postCalls = new AtomicInteger();
    private final String name;
    private final HttpServer server;

    StubService() {
        this("stub");
    }

    /** A stub that names itself ({@code "service"} in what it echoes), to tell which service a route reached. */
    StubService(String name) {
        this.name = name;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::echo);
        server.createContext("/api/redeployment/slow", exchange -> {
            sleep(3000);
            answer(exchange, 200, "{}");
        });
        server.createContext("/api/mobility/steady", exchange -> {
            sleep(300);
            answer(exchange, 200, "{}");
        });
        server.createContext("/api/redeployment/flaky", exchange -> {
            if (exchange.getRequestMethod().equals("POST")) {
                postCalls.incrementAndGet();
                answer(exchange, 503, "{}");
            } else {
                answer(exchange, flakyCalls.getAndIncrement() == 0 ? 503 : 200, "{\"calls\":" + flakyCalls.get() + "}");
            }
        });
        // the live streams, the notification service's and the console's relay: two events 2.5 s apart
        for (String stream : List.of("/api/notifications/stream", "/console/notifications/stream")) {
            server.createContext(stream, exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    sleep(2500);
                    out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
                }
            });
        }
        server.createContext("/v3/api-docs", exchange -> answer(exchange, 200, "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"stub\"}}"));
        server.start();
    }

    /** Routes every service of the gateway to this stub, and trusts the tokens of these resource-server settings. */
    void standFor(DynamicPropertyRegistry registry, Map<String, Object> tokenSettings) {
        for (String service : List.of("mobility", "redeployment", "evaluation", "notification", "console")) {
            registry.add("hrm.gateway.services." + service, this::url);
        }
        tokenSettings.forEach((name, value) -> registry.add(name, () -> value));
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** Answers its name, port, the path, method and headers it received, as JSON: what the gateway passed on, and to whom. */
    private void echo(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        String headers = exchange.getRequestHeaders().entrySet().stream()
                .map(e -> "\"" + e.getKey().toLowerCase(Locale.ROOT) + "\":\"" + String.join(",", e.getValue()).replace("\"", "'") + "\"")
                .collect(Collectors.joining(","));
        answer(exchange, 200, "{\"service\":\"" + name + "\",\"port\":" + server.getAddress().getPort() + ",\"path\":\"" + exchange.getRequestURI().getPath()
                + "\",\"method\":\"" + exchange.getRequestMethod()
                + "\",\"headers\":{" + headers + "}}");
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

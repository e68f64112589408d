package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpServer;

/**
 * Live streams through the gateway to a notification service that keeps each one open until its client leaves
 * (a real HTTP server counting the streams it holds); the clients are real HTTP connections.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.structured.format.console=", "hrm.gateway.streams.max-per-person=5"})
class LiveStreamsIT {

    private static final Upstream UPSTREAM = new Upstream();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final List<InputStream> opened = new ArrayList<>();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : List.of("mobility", "redeployment", "evaluation", "notification", "console")) {
            registry.add("hrm.gateway.services." + service, UPSTREAM::url);
        }
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterEach
    void closeAll() {
        opened.forEach(LiveStreamsIT::close);
        opened.clear();
    }

    @AfterAll
    static void stop() {
        UPSTREAM.close();
    }

    private static String person(String who) {
        return TestTokens.forPerson(who, "E-" + who, "DEPT-WSE", "EMPLOYEE");
    }

    /** A stream's answer: on 200 kept open (after its first event), else its body read. */
    record Opened(int status, java.net.http.HttpHeaders headers, String body) {
    }

    private Opened open(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                return new Opened(response.statusCode(), response.headers(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        opened.add(response.body());
        BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        assertThat(reader.readLine()).isEqualTo("data: open");
        return new Opened(200, response.headers(), null);
    }

    @Test
    @DisplayName("API4 unrestricted resource consumption: at most 5 live streams per person; the 6th is answered 429 problem+json with Retry-After, another person is unaffected, and closing one frees its place")
    void streamsPerPersonAreCapped() throws Exception {
        String hana = person("hana-streams");
        for (int i = 0; i < 5; i++) {
            assertThat(open(hana).status()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> UPSTREAM.open.get() == 5);

        Opened sixth = open(hana);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(sixth.body()).contains("\"type\":\"https://hrmobility.org/problems/too-many-streams\"", "\"status\":429",
                "\"instance\":\"/api/notifications/stream\"").doesNotContain("trace");
        assertThat(UPSTREAM.open.get()).as("the refused stream never reached the service").isEqualTo(5);

        assertThat(open(person("emma-streams")).status()).isEqualTo(200);

        close(opened.remove(0));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> open(hana).status() == 200);
        assertThat(open(hana).status()).as("five open again").isEqualTo(429);
    }

    @Test
    @DisplayName("API4 unrestricted resource consumption: streams that end or are closed give their places back (no leak after many)")
    void placesAreGivenBack() throws Exception {
        String bea = person("bea-streams");
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 5; i++) {
                assertThat(open(bea).status()).isEqualTo(200);
            }
            closeAll();
            await().atMost(Duration.ofSeconds(10)).until(() -> UPSTREAM.open.get() == 0);
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            boolean free = open(bea).status() == 200;
            closeAll();
            return free;
        });
    }

    private static void close(InputStream stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // gone already
        }
    }

    /** The notification service's stream: an event at once, then a comment every 100 ms until the client leaves. */
    static final class Upstream implements AutoCloseable {

        final AtomicInteger open = new AtomicInteger();
        private final HttpServer server;

        Upstream() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/notifications/stream", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                open.incrementAndGet();
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("data: open\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    for (int i = 0; i < 600; i++) {
                        Thread.sleep(100);
                        out.write(":\n\n".getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the client (the gateway) left
                } finally {
                    open.decrementAndGet();
                }
            });
            server.createContext("/", exchange -> {
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}

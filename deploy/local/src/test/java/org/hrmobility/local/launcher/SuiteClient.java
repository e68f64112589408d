package org.hrmobility.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a running suite as its users do: tokens from the identity provider (the README's curl forms), requests
 * to a base address (the gateway, or one service).
 */
final class SuiteClient {

    /** An answer: status, body, and the body as JSON when it is JSON. */
    record Answer(int status, String body, java.net.http.HttpHeaders headers) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        /** The id of what a 201 created: the last segment of its Location. */
        String createdId() {
            assertThat(status).as(body).isEqualTo(201);
            String location = headers.firstValue("Location").orElseThrow();
            return location.substring(location.lastIndexOf('/') + 1);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String issuer;
    private final String base;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    SuiteClient(String issuer, String base) {
        this.issuer = issuer;
        this.base = base;
    }

    static SuiteClient throughGateway(LocalSuite suite) {
        return new SuiteClient(suite.options().issuer(), "http://localhost:" + suite.options().port("gateway"));
    }

    static SuiteClient direct(LocalSuite suite, String service) {
        return new SuiteClient(suite.options().issuer(), "http://localhost:" + suite.options().port(service));
    }

    /** {@code curl -s -u hrm-cli: -d grant_type=password -d username=hana -d password=hana .../oauth2/token} */
    String user(String name) {
        return tokens.computeIfAbsent(name, n -> token("hrm-cli:", "grant_type=password&username=" + n + "&password=" + n));
    }

    /** {@code curl -s -u jobpunt:jobpunt-secret -d grant_type=client_credentials .../oauth2/token} */
    String jobpunt() {
        return tokens.computeIfAbsent("client:jobpunt", n -> token("jobpunt:jobpunt-secret", "grant_type=client_credentials"));
    }

    Answer get(String token, String path) {
        return send(request(token, path).GET());
    }

    Answer post(String token, String path, String json) {
        return send(request(token, path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String basic, String form) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().get("access_token").asString();
    }
}

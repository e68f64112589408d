package org.hrmobility.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo users' tokens from the development identity provider, the README's way
 * ({@code curl -s -u hrm-cli: -d grant_type=password -d username=hana -d password=hana .../oauth2/token}), as
 * deploy/load's {@code Suite} takes them; fetched again after {@link #LIFETIME} (they live an hour).
 */
final class Tokens {

    static final Duration LIFETIME = Duration.ofMinutes(20);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private record Token(String value, long fetchedNanos) {
    }

    private final HttpClient http;
    private final String issuer;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    Tokens(HttpClient http, String issuer) {
        this.http = http;
        this.issuer = issuer;
    }

    /** {@code Bearer ...} of this demo user. */
    String bearer(String user) {
        Token token = tokens.compute(user, (u, t) -> t != null && System.nanoTime() - t.fetchedNanos() < LIFETIME.toNanos() ? t
                : new Token(fetch(u), System.nanoTime()));
        return "Bearer " + token.value();
    }

    private String fetch(String user) {
        String basic = Base64.getEncoder().encodeToString("hrm-cli:".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + user + "&password=" + user)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no token for " + user + " from " + issuer + ": " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the identity provider at " + issuer + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

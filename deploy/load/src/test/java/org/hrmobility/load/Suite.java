package org.hrmobility.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The running suite a simulation loads ({@code ./run-local}): its gateway, identity provider and Kafka, from
 * {@code -Dhrm.gateway}, {@code -Dhrm.issuer}, {@code -Dhrm.kafka}; and the run's shape from {@code -Dload.rate}
 * (arrivals per second) and {@code -Dload.seconds}.
 */
public record Suite(String gateway, String issuer, String kafka, double rate, int seconds) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    public static Suite fromSystemProperties(double defaultRate, int defaultSeconds) {
        return new Suite(System.getProperty("hrm.gateway", "http://localhost:8080"),
                System.getProperty("hrm.issuer", "http://localhost:9000"),
                System.getProperty("hrm.kafka", "localhost:19092"),
                Double.parseDouble(System.getProperty("load.rate", Double.toString(defaultRate))),
                Integer.getInteger("load.seconds", defaultSeconds));
    }

    /** A demo user's token, the README's way: {@code curl -s -u hrm-cli: -d grant_type=password ...}. */
    public String token(String user) {
        return token("hrm-cli:", "grant_type=password&username=" + user + "&password=" + user);
    }

    /** The recruitment system's token (client credentials). */
    String jobpuntToken() {
        return token("jobpunt:jobpunt-secret", "grant_type=client_credentials");
    }

    private String token(String basic, String form) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("no token from " + issuer + " (is the suite running? ./run-local): " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reach the identity provider at " + issuer + " (is the suite running? ./run-local)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package org.hrmobility.local.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hrmobility.local.masterdata.MasterDataPublisher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The local suite as the launcher starts it (devstack, identity provider, a service as its own JVM), on free
 * ports so it runs beside a suite already started on the standard ones.
 */
class LocalSuiteIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static SuiteOptions options(Path dataDirectory) {
        return SuiteOptions.parse(new String[] {"--only", "redeployment"}, System::getenv).withFreePorts()
                .withDataDirectory(dataDirectory);
    }

    @Test
    @DisplayName("a demo user gets a token with the documented curl form and calls a service with it (200), without it 401")
    void tokenAndAuthenticatedCall() throws Exception {
        try (LocalSuite suite = LocalSuite.start(options(null))) {
            String hana = passwordGrantToken(suite, "hana");
            String service = "http://localhost:" + suite.options().port("redeployment-service");

            assertThat(get(service + "/api/redeployment/cases", hana).statusCode()).isEqualTo(200);
            HttpResponse<String> anonymous = get(service + "/api/redeployment/cases", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");

            String jobpunt = clientCredentialsToken(suite);
            await().atMost(Duration.ofSeconds(60)).until(() -> get(service + "/api/redeployment/vacancies", jobpunt).body()
                    .contains("JP-2026-0401"));
            assertThat(suite.statusTable()).contains("identity-provider", "redeployment-service", "PostgreSQL", "MiB");
        }
    }

    @Test
    @DisplayName("restarted with a data directory the suite keeps its state and publishes no master data again; without one it starts clean")
    void dataDirectoryKeepsState() throws Exception {
        Path data = Files.createTempDirectory("hrm-suite-it-");
        String caseLocation;
        try (LocalSuite first = LocalSuite.start(options(data))) {
            assertThat(first.masterData()).extracting(MasterDataPublisher.Result::unchanged).containsOnly(0);
            String service = "http://localhost:" + first.options().port("redeployment-service");
            String hana = passwordGrantToken(first, "hana");
            // the service's copy of master data arrives over Kafka; until then ezra is unknown to it
            HttpResponse<String>[] opened = new HttpResponse[1];
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                opened[0] = post(service + "/api/redeployment/cases", hana, "{\"employeeId\":\"E-0004\"}");
                return opened[0].statusCode() == 201;
            });
            caseLocation = opened[0].headers().firstValue("Location").orElseThrow();
        }

        try (LocalSuite again = LocalSuite.start(options(data))) {
            assertThat(again.masterData()).extracting(MasterDataPublisher.Result::published).containsOnly(0);
            String service = "http://localhost:" + again.options().port("redeployment-service");
            assertThat(get(service + caseLocation, passwordGrantToken(again, "hana")).statusCode()).isEqualTo(200);
        }

        try (LocalSuite clean = LocalSuite.start(options(null))) {
            assertThat(clean.masterData()).extracting(MasterDataPublisher.Result::unchanged).containsOnly(0);
            String service = "http://localhost:" + clean.options().port("redeployment-service");
            assertThat(get(service + caseLocation, passwordGrantToken(clean, "hana")).statusCode()).isEqualTo(404);
        }
    }

    /** {@code curl -s -u hrm-cli: -d grant_type=password -d username=hana -d password=hana .../oauth2/token} */
    static String passwordGrantToken(LocalSuite suite, String user) throws IOException, InterruptedException {
        return token(suite, "hrm-cli:", "grant_type=password&username=" + user + "&password=" + user);
    }

    static String clientCredentialsToken(LocalSuite suite) throws IOException, InterruptedException {
        return token(suite, "jobpunt:jobpunt-secret", "grant_type=client_credentials");
    }

    private static String token(LocalSuite suite, String basic, String form) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(suite.options().issuer() + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Matcher token = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String token, String json) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hrmobility.websecurity.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import reactor.core.publisher.Flux;

/**
 * The web console behind the gateway: its pages and OAuth2 login paths pass without a token (the console has its own
 * session) and carry the gateway's address in X-Forwarded-*, so the console's redirects and its login's redirect URI
 * name the gateway; the console's live stream is not cut by the response timeout; the workbench API goes to the
 * notification service, with a token only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
@AutoConfigureWebTestClient
class ConsoleRoutesIT {

    private static final StubService CONSOLE = new StubService("console");
    private static final StubService NOTIFICATION = new StubService("notification");

    @Autowired
    WebTestClient web;
    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("hrm.gateway.services.console", CONSOLE::url);
        registry.add("hrm.gateway.services.notification", NOTIFICATION::url);
        registry.add("hrm.gateway.services.mobility", NOTIFICATION::url);
        registry.add("hrm.gateway.services.redeployment", NOTIFICATION::url);
        registry.add("hrm.gateway.services.evaluation", NOTIFICATION::url);
        TestTokens.properties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("hrm.gateway.response-timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        CONSOLE.close();
        NOTIFICATION.close();
    }

    private Map<String, Object> json(WebTestClient.ResponseSpec response) {
        return response.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
        }).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> headers(Map<String, Object> echoed) {
        return (Map<String, String>) echoed.get("headers");
    }

    @Test
    @DisplayName("Console: its pages and login paths reach the console without a token, with the gateway's own address in X-Forwarded-Host/-Proto/-Port; what a client sent there is replaced, not appended, and Forwarded is dropped")
    void consolePathsReachTheConsoleWithTheGatewaysAddress() {
        for (String path : List.of("/console", "/console/cases/c-1", "/oauth2/authorization/hrm", "/login/oauth2/code/hrm")) {
            Map<String, Object> echoed = json(web.get().uri(path)
                    .header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https").header("X-Forwarded-Port", "443")
                    .header("Forwarded", "host=evil.example;proto=https").exchange().expectStatus().isOk());

            assertThat(echoed).containsEntry("service", "console").containsEntry("path", path);
            assertThat(headers(echoed)).containsEntry("x-forwarded-host", "localhost:" + port)
                    .containsEntry("x-forwarded-proto", "http").containsEntry("x-forwarded-port", String.valueOf(port))
                    .doesNotContainKey("forwarded").doesNotContainKey("authorization");
        }
        Map<String, Object> logout = json(web.post().uri("/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=t").exchange().expectStatus().isOk());
        assertThat(logout).containsEntry("service", "console").containsEntry("method", "POST").containsEntry("path", "/logout");
    }

    @Test
    @DisplayName("Console: other paths are not the console's: an API path without a token is still refused (401)")
    void onlyTheConsolePathsPassWithoutToken() {
        web.get().uri("/consolex").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/workbench/worklist").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    @DisplayName("Workbench: /api/workbench/** goes to the notification service with the caller's token")
    void workbenchGoesToTheNotificationService() {
        String token = TestTokens.forPerson("emma-wb", "E-0003", "DEPT-WSE", "EMPLOYEE");
        Map<String, Object> echoed = json(web.get().uri("/api/workbench/worklist?overdue=true")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk());

        assertThat(echoed).containsEntry("service", "notification").containsEntry("path", "/api/workbench/worklist");
        assertThat(headers(echoed)).containsEntry("authorization", "Bearer " + token);
    }

    @Test
    @DisplayName("Console: the live notification stream the console relays passes unbuffered, beyond the 1 s response timeout")
    void consoleStreamIsNotCutByTheResponseTimeout() {
        Flux<String> events = web.mutate().responseTimeout(Duration.ofSeconds(10)).build().get().uri("/console/notifications/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk().returnResult(String.class).getResponseBody();
        long started = System.nanoTime();
        List<Long> arrivals = new ArrayList<>();
        List<String> data = events.doOnNext(e -> arrivals.add(System.nanoTime() - started)).collectList().block(Duration.ofSeconds(10));

        assertThat(data).containsExactly("first", "second");
        assertThat(Duration.ofNanos(arrivals.get(0))).isLessThan(Duration.ofMillis(1500));
        assertThat(Duration.ofNanos(arrivals.get(1))).isGreaterThan(Duration.ofMillis(2000));
    }

    @Test
    @DisplayName("An address neither the console nor a service has: 404 as the suite's problem+json, as a service answers it")
    void unknownAddress() {
        String token = TestTokens.forPerson("hana", "E-1", "DEPT-WSE", "HR_CASE_HANDLER", "EMPLOYEE");
        Map<String, Object> problem = json(web.get().uri("/api/nothing-here").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(problem).containsEntry("type", "https://hrmobility.org/problems/not-found")
                .containsEntry("detail", "There is nothing at this address.").containsEntry("instance", "/api/nothing-here");
    }
}

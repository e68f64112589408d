package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.hrmobility.websecurity.test.TestKeySet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.publisher.Flux;

/**
 * A service run as several instances (./run-local --instances 2, the chaos campaign): the gateway balances over them,
 * and an instance that is down (killed, restarting) costs a command nothing, since a refused connection never reached
 * a service and the next instance takes it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
class BalancingIT {

    private static final StubService FIRST = new StubService();
    private static final StubService SECOND = new StubService();
    private static final TestKeySet PROVIDER = new TestKeySet().add("k1");
    private static final String DOWN = "http://localhost:" + freePort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        FIRST.standFor(registry, PROVIDER.properties());
        registry.add("hrm.gateway.instances.redeployment", () -> FIRST.url() + "," + DOWN + "," + SECOND.url());
        registry.add("hrm.gateway.requests-per-second", () -> "1000");
        registry.add("hrm.gateway.burst", () -> "1000");
    }

    @AfterAll
    static void stop() {
        FIRST.close();
        SECOND.close();
        PROVIDER.close();
    }

    @Test
    @DisplayName("Many instances: commands and reads go to every live instance in turn, one after another and many at once; the dead instance leaves the rotation, and what it refused at connect before that is taken by the next one, so none fails")
    void balancedAndRefusedConnectionsGoToTheNext() {
        WebClient client = WebClient.create("http://localhost:" + port);
        String token = "Bearer " + PROVIDER.token("k1", "hana", "HR_CASE_HANDLER");
        ParameterizedTypeReference<Map<String, Object>> json = new ParameterizedTypeReference<>() {
        };

        List<Map<String, Object>> answers = Flux.range(0, 30)
                .concatMap(i -> (i < 16
                        ? client.post().uri("/api/redeployment/cases").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"employeeId\":\"E-0003\"}")
                        : client.get().uri("/api/redeployment/cases"))
                        .header(HttpHeaders.AUTHORIZATION, token)
                        .exchangeToMono(r -> r.statusCode().is2xxSuccessful() ? r.bodyToMono(json)
                                : r.bodyToMono(String.class).map(body -> Map.<String, Object>of("failed", r.statusCode().value() + " " + body))))
                .collectList().block(Duration.ofSeconds(30));
        // and many at once, while the dead instance is in the list (no health check has left it out yet) or after
        List<Map<String, Object>> together = Flux.range(0, 40)
                .flatMap(i -> client.post().uri("/api/redeployment/cases").contentType(MediaType.APPLICATION_JSON)
                        .bodyValue("{\"employeeId\":\"E-0003\"}").header(HttpHeaders.AUTHORIZATION, token)
                        .exchangeToMono(r -> r.statusCode().is2xxSuccessful() ? r.bodyToMono(json)
                                : r.bodyToMono(String.class).map(body -> Map.<String, Object>of("failed", r.statusCode().value() + " " + body))), 8)
                .collectList().block(Duration.ofSeconds(30));
        assertThat(together).hasSize(40).noneMatch(a -> a.containsKey("failed"));

        assertThat(answers).hasSize(30).noneMatch(a -> a.containsKey("failed"));
        assertThat(answers).extracting(a -> a.get("port")).containsOnly(port(FIRST), port(SECOND))
                .filteredOn(p -> p.equals(port(SECOND))).as("answered by the second live instance").hasSizeGreaterThan(5);
        assertThat(answers).filteredOn(a -> a.get("method").equals("POST")).extracting(a -> a.get("port"))
                .as("commands on both live instances").contains(port(FIRST), port(SECOND));
    }

    private static Object port(StubService stub) {
        return Integer.parseInt(stub.url().substring(stub.url().lastIndexOf(':') + 1));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

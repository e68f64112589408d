package org.hrmobility.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.hrmobility.websecurity.test.TestKeySet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway started while the identity provider's JWK set cannot be fetched (the provider still starting, or away):
 * a valid token cannot be verified yet, which is neither the caller's fault nor a bug.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=")
class KeysUnavailableIT {

    private static final StubService STUB = new StubService();
    private static final TestKeySet PROVIDER = new TestKeySet().add("k1").failing(true);

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        STUB.standFor(registry, PROVIDER.properties());
    }

    @AfterAll
    static void stop() {
        STUB.close();
        PROVIDER.close();
    }

    @Test
    @DisplayName("Resilience: while no JWK set can be fetched, a request with a valid token is answered 503 problem+json with Retry-After (not 500, not 401); once the identity provider answers, the same token passes")
    void unavailableKeysAreA503() {
        FromAddress client = new FromAddress("127.0.0.1", port);
        String token = PROVIDER.token("k1", "hana", "EMPLOYEE");

        FromAddress.Answer answer = client.get("/api/redeployment/cases", token);
        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.headers().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(answer.body()).containsEntry("type", "https://hrmobility.org/problems/token-validation-unavailable")
                .doesNotContainKey("trace");

        PROVIDER.failing(false);
        await().pollInterval(Duration.ofMillis(300)).atMost(Duration.ofSeconds(10))
                .until(() -> client.get("/api/redeployment/cases", token).status() == 200);
    }
}
